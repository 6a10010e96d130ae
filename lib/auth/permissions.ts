import { OrgKind, Role } from "@/lib/generated/prisma/enums";

// Who may do what, as data: permission → roles. Server actions, route handlers, pages,
// navigation and buttons all read this one table through can()/canActor(); the
// organization a user may touch is decided separately, in the query's where (scopes.ts).
// A permission here answers "may this role ever do X?", never "may it do X to this row?".
// Deny by default: a role gets a permission only by being listed, so a role added to the
// enum later starts with nothing.

const { FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON, PARK_STAFF, ENTERPRISE_OWNER, ENTERPRISE_MEMBER } =
  Role;

const EVERY_ROLE = [
  FINANCE_ADMIN,
  FINANCE_STAFF,
  CENTRAL_BANK_STAFF,
  BANK_MANAGER,
  BANK_LIAISON,
  PARK_STAFF,
  ENTERPRISE_OWNER,
  ENTERPRISE_MEMBER,
] as const;

export const PERMISSIONS = {
  // ── dashboards: one per area (see areas.ts) ──
  "dashboard.finance": [FINANCE_ADMIN, FINANCE_STAFF],
  "dashboard.pbc": [CENTRAL_BANK_STAFF],
  "dashboard.bank": [BANK_MANAGER, BANK_LIAISON],
  "dashboard.park": [PARK_STAFF],
  "dashboard.enterprise": [ENTERPRISE_OWNER, ENTERPRISE_MEMBER],

  // ── own account: self-service, touches nobody else's data ──
  "account.changePassword": EVERY_ROLE,
  "account.manageTotp": EVERY_ROLE,

  // ── organizations ──
  // Only the finance office creates organizations (and their first users): it runs the
  // program and answers for who takes part. The central bank branch co-leads and
  // monitors but does not administer the platform; giving it the same power would leave
  // two offices able to add banks to a ranking that one of them publishes.
  "orgs.create": [FINANCE_ADMIN],
  // Rename, deactivate, move a branch in the bank hierarchy: same reasoning as create.
  "orgs.update": [FINANCE_ADMIN],
  "orgs.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF],

  // ── users ──
  // Create, deactivate, reset password or TOTP. The finance admin may do it for any
  // organization (it creates their first users, and someone must unlock a locked-out
  // manager); the others only for their own organization — a parent bank's manager also
  // for its branches. Which organizations is the scope's job (userScope).
  "users.manageOwnOrg": [FINANCE_ADMIN, BANK_MANAGER, PARK_STAFF, ENTERPRISE_OWNER],
  "users.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, PARK_STAFF, ENTERPRISE_OWNER],

  // ── enterprises ──
  // The park's window verifies that a self-registered enterprise really sits in its park.
  "registrations.review": [PARK_STAFF],
  // Scoped: banks see enterprises paired with them or with a request routed to them,
  // parks their park, enterprises themselves.
  "enterprises.read": EVERY_ROLE,
  // Banks and the central bank never edit an enterprise's record: they are the parties
  // whose performance is measured on it.
  "enterprises.update": [PARK_STAFF, FINANCE_ADMIN, ENTERPRISE_OWNER],
  // A/B/C class drives the kind of support; an enterprise may not promote itself.
  "enterprises.changeClass": [PARK_STAFF, FINANCE_ADMIN],
  // Entering enterprises by hand or from a file, and deactivating them: the park window
  // for its own park, the finance office for any.
  "enterprises.create": [PARK_STAFF, FINANCE_ADMIN],
  "enterprises.import": [PARK_STAFF, FINANCE_ADMIN],
  "enterprises.deactivate": [PARK_STAFF, FINANCE_ADMIN],
  // Lists exported to Excel, each scoped like the page it comes from.
  "registry.export": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, PARK_STAFF],
  // Show a masked mobile or ID number in full; every use is audited. Kept to the people
  // who must phone the person: the admin, the park window, the bank manager who
  // assigns the account manager. Staff and liaisons work with the masked value.
  "pii.reveal": [FINANCE_ADMIN, PARK_STAFF, BANK_MANAGER],

  // ── financing requests / problem list (三办一销号) ──
  "requests.create": [ENTERPRISE_OWNER, ENTERPRISE_MEMBER],
  "requests.read": EVERY_ROLE,
  "requests.forward": [PARK_STAFF],
  "requests.return": [PARK_STAFF],
  // The liaison is the named contact who signs and answers; the manager may stand in,
  // because the 3–5 working-day deadline does not wait for a liaison on leave.
  "requests.sign": [BANK_LIAISON, BANK_MANAGER],
  "requests.answer": [BANK_LIAISON, BANK_MANAGER],
  "requests.pass": [BANK_LIAISON, BANK_MANAGER],
  // Assign, remind, escalate handling and close out (督办/销号). The central bank branch
  // monitors these items but does not drive them: it has read access only.
  "requests.supervise": [FINANCE_ADMIN, FINANCE_STAFF],
  // The supervision queue (overdue, escalated, disputed returns, withdrawals to check,
  // the quarterly bulletin): the finance office drives it, the central bank watches it.
  "supervision.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF],
  "requests.rate": [ENTERPRISE_OWNER, ENTERPRISE_MEMBER],
  "requests.withdraw": [ENTERPRISE_OWNER, ENTERPRISE_MEMBER],
  // The problem list (问题清单) as an official file: the park window files it for its own
  // park, the finance office and the central bank branch receive every park's. Banks
  // download their 解决台账 (submissions.read) instead; enterprises see their own items.
  "problemList.export": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, PARK_STAFF],

  // ── loan outcomes (approved amount, rate, term, product, maturity) ──
  // Recorded by the bank, also outside a request (1+1 pairing loans). Parks see the
  // bank's answer on the request, not the bank's loan book.
  "loans.record": [BANK_MANAGER, BANK_LIAISON],
  "loans.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON, ENTERPRISE_OWNER, ENTERPRISE_MEMBER],
  // The bank's own loan register as a file (its bank and branches only).
  "loans.export": [BANK_MANAGER, BANK_LIAISON],

  // ── programs, rules, pairings, calendar, scoring: configured by the finance office ──
  "programs.read": EVERY_ROLE,
  "programs.manage": [FINANCE_ADMIN],
  // Park ↔ bank and 1+1 pairings are published to everyone they concern (scoped).
  "pairings.read": EVERY_ROLE,
  // Pairings are locked within the year; a change needs the admin and a reason.
  "pairings.manage": [FINANCE_ADMIN],
  // Once the implementation phase starts pairings are locked (《益阳市金融纾困民营和小微企业“两进两促”行动工作方案》 二（二）1: in
  // principle no change within the year); only the finance office administrator may still change one,
  // with a written reason.
  "pairings.changeLocked": [FINANCE_ADMIN],
  // A bank records which enterprises its branches take ("1+1") and their account managers.
  "pairings.manageOneOnOne": [FINANCE_ADMIN, BANK_MANAGER],
  // Monthly 1+1 plan/target/progress report, due before each month end.
  "pairings.reportProgress": [BANK_MANAGER, BANK_LIAISON],
  // 1+1 support files and monthly reports: the banks file, the offices read. Parks and
  // enterprises are what the reports are about, not their readers.
  "support.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON],
  // Accept or return a monthly report: the program's rule names the office (the central
  // bank branch by default, where the leading group's office sits); the other is refused.
  "support.review": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF],
  // The year-end assessment that lists banks for commendation or criticism.
  "support.assess": [FINANCE_ADMIN, CENTRAL_BANK_STAFF],
  "calendar.manage": [FINANCE_ADMIN],
  "scoring.manage": [FINANCE_ADMIN],
  "targets.manage": [FINANCE_ADMIN],

  // ── quarterly submissions (resolution ledger + loan figures, 7 working days) ──
  "submissions.submit": [BANK_MANAGER, BANK_LIAISON],
  "submissions.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON],
  "submissions.review": [FINANCE_ADMIN, FINANCE_STAFF],

  // ── rankings ──
  // Parks and enterprises are not shown bank rankings: they are a supervisory tool
  // (bulletin meeting, summons), not public league tables.
  "rankings.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON],
  // The central bank co-reviews the quarterly ranking before the finance office
  // publishes it; besides, it scores its part of the half-year evaluation
  // ("evaluations.score"), reviews and assesses 1+1 support, and co-signs a summons it attended.
  "rankings.review": [CENTRAL_BANK_STAFF, FINANCE_ADMIN],
  "rankings.publish": [FINANCE_ADMIN],
  // The register of rewards and restrictions after the annual assessment: the finance
  // office keeps it (whichever office issued the measure); banks read their own entries
  // (scoped in lib/rewards), the central bank branch reads all. Parks and enterprises: no.
  "rewards.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON],
  "rewards.manage": [FINANCE_ADMIN],

  // ── half-year evaluation (半年一评估) ──
  // Banks see their own finalised result only (scoped in lib/evaluation/queries).
  "evaluations.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON],
  // Each office scores its own qualitative part; which part is decided by the organization.
  "evaluations.score": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF],
  // Opening, the rules, rectification picked by hand and finalisation: like publication.
  "evaluations.manage": [FINANCE_ADMIN],

  // ── summons (约谈) and rectification (整改) after a bulletin ──
  // The finance office summons laggards and accepts or returns what they file; the
  // central bank attends and co-signs the record; a bank files its own plan and report.
  "summons.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON],
  "summons.manage": [FINANCE_ADMIN, FINANCE_STAFF],
  "summons.cosign": [CENTRAL_BANK_STAFF],
  "summons.rectify": [BANK_MANAGER, BANK_LIAISON],

  // ── bank products, contacts, park visits ──
  "products.read": EVERY_ROLE,
  "products.manage": [BANK_MANAGER, BANK_LIAISON],
  // Contacts are published at the park and in bank outlets, so everyone may read them.
  "contacts.read": EVERY_ROLE,
  // A change must be filed within 3 working days; the liaison usually files it.
  "contacts.manage": [BANK_MANAGER, BANK_LIAISON],
  // The finance office loads every bank's contacts at the start of a program year.
  "contacts.import": [FINANCE_ADMIN],
  "visits.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON, PARK_STAFF],
  // The park window records the half-yearly visit the main bank's president leads, or the
  // bank records it; the other side confirms (which side: lib/visits/rules.ts).
  "visits.record": [PARK_STAFF, BANK_MANAGER, BANK_LIAISON],
  "visits.confirm": [PARK_STAFF, BANK_MANAGER, BANK_LIAISON],
  // A finding about an enterprise becomes a problem-list item in the park's review queue.
  "visits.raiseItem": [PARK_STAFF],
  "visits.export": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON, PARK_STAFF],

  // ── matching events (银企对接会, 金融会客厅, 宣讲, 路演) ──
  // Everyone sees the calendar (scoped: a park and its enterprises their park's and the
  // city-wide ones). The finance office, the central bank and the park windows organise;
  // which events a user runs (its organization's, any for the finance office) is
  // lib/events/rules.ts. Banks take part and record intentions; enterprises register and
  // turn an intention into their own financing item.
  "events.read": EVERY_ROLE,
  "events.manage": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, PARK_STAFF],
  "events.register": [ENTERPRISE_OWNER, ENTERPRISE_MEMBER],
  "events.recordIntention": [BANK_MANAGER, BANK_LIAISON],
  "events.raiseRequest": [ENTERPRISE_OWNER, ENTERPRISE_MEMBER],
  "events.export": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON, PARK_STAFF],

  // ── ledger integrity: the breaks found and the daily anchors to export ──
  "ledger.integrity": [FINANCE_ADMIN, FINANCE_STAFF],

  // ── background jobs: the failed ones (e-mails, deadline scans) and their retry ──
  // Platform operation, like the audit log: the finance office's administrator.
  "jobs.manage": [FINANCE_ADMIN],

  // ── audit log ──
  // Holds IPs, who revealed whose personal data, denied attempts: admin only.
  "audit.read": [FINANCE_ADMIN],
  "audit.export": [FINANCE_ADMIN],

  // ── the quarterly financing-monitoring questionnaire ──
  // The finance office writes, opens and closes it; the central bank co-leads the
  // monitoring and reads the results; the target's enterprises answer.
  "questionnaires.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF],
  "questionnaires.manage": [FINANCE_ADMIN, FINANCE_STAFF],
  "questionnaires.export": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF],
  "questionnaires.answer": [ENTERPRISE_OWNER, ENTERPRISE_MEMBER],
  // ── key-enterprise lists (重点企业名单制管理) ──
  // The finance office draws up the lists and hands each enterprise to a bank; the
  // central bank branch follows the coverage; banks see the members handed to them and
  // record each contact. Parks and enterprises are what the lists are about.
  "keyLists.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON],
  "keyLists.manage": [FINANCE_ADMIN, FINANCE_STAFF],
  "keyLists.contact": [BANK_MANAGER, BANK_LIAISON],
  "keyLists.export": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON],
  // ── park assistance plans (帮扶方案) ──
  // The park's main bank drafts; the park, then the finance office approve. The central
  // bank reads (it co-leads the program); enterprises are the plan's subject, not readers.
  "plans.read": [FINANCE_ADMIN, FINANCE_STAFF, CENTRAL_BANK_STAFF, BANK_MANAGER, BANK_LIAISON, PARK_STAFF],
  "plans.draft": [BANK_MANAGER, BANK_LIAISON],
  "plans.parkReview": [PARK_STAFF],
  "plans.approve": [FINANCE_ADMIN, FINANCE_STAFF],
} as const satisfies Record<string, readonly Role[]>;

export type TPermission = keyof typeof PERMISSIONS;

// The table cannot be changed at run time, not even by a careless push().
Object.freeze(EVERY_ROLE);
for (const roles of Object.values(PERMISSIONS)) Object.freeze(roles);
Object.freeze(PERMISSIONS);

export const PERMISSION_NAMES = Object.freeze(Object.keys(PERMISSIONS) as TPermission[]);

export function isPermission(name: string): name is TPermission {
  return Object.hasOwn(PERMISSIONS, name);
}

// Unknown roles and unknown permission names (from untyped callers) are refused, not thrown.
export function can(role: Role, permission: TPermission): boolean {
  if (!isPermission(permission)) return false;
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): TPermission[] {
  return PERMISSION_NAMES.filter((permission) => can(role, permission));
}

// The signed-in user as every policy check sees it.
export type TActor = { userId: string; role: Role; orgId: string; orgKind: OrgKind };

// Each role exists inside exactly one kind of organization. Guarantee companies have
// no role yet.
const ORG_KIND_OF_ROLE: Record<Role, OrgKind> = {
  [FINANCE_ADMIN]: OrgKind.FINANCE_OFFICE,
  [FINANCE_STAFF]: OrgKind.FINANCE_OFFICE,
  [CENTRAL_BANK_STAFF]: OrgKind.CENTRAL_BANK,
  [BANK_MANAGER]: OrgKind.BANK,
  [BANK_LIAISON]: OrgKind.BANK,
  [PARK_STAFF]: OrgKind.PARK,
  [ENTERPRISE_OWNER]: OrgKind.ENTERPRISE,
  [ENTERPRISE_MEMBER]: OrgKind.ENTERPRISE,
};

export function orgKindOfRole(role: Role): OrgKind | undefined {
  return Object.hasOwn(ORG_KIND_OF_ROLE, role) ? ORG_KIND_OF_ROLE[role] : undefined;
}

// An actor whose role does not fit its organization (a BANK_MANAGER of an enterprise,
// say — bad data or a bug) or who lacks an id gets nothing rather than its role's rights.
export function isCoherentActor(actor: TActor): boolean {
  return Boolean(actor.userId) && Boolean(actor.orgId) && orgKindOfRole(actor.role) === actor.orgKind;
}

export function canActor(actor: TActor, permission: TPermission): boolean {
  return isCoherentActor(actor) && can(actor.role, permission);
}
