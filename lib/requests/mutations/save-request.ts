/**
 * The enterprise writes an item (问题清单条目): create or edit a draft, and submit it to
 * its park's window (input.submit). A RETURNED item is edited and resubmitted the same way.
 *
 * Invariants: only an approved enterprise creates items ("notApproved"); a new item takes
 * the current program and its newest rule version ("noProgram"); a submitted FINANCING
 * need has amount, purpose, term and date needed ("incomplete"); serials RQ<year>-NNNNNN
 * are unique and gap-tolerant (taken under an advisory lock, continuing the seed's series).
 */
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { LedgerAction, OrgKind, RegistrationStatus, RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { canActor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { shanghaiDateString } from "@/lib/calendar/working-days";
import { appendLedgerEntry } from "@/lib/ledger/mutations/append-ledger-entry";
import { getCurrentProgram, getCurrentRuleVersion } from "@/lib/programs/queries/get-current-program";
import type { TSaveRequestInput } from "@/lib/requests/schemas";
import type { TWorkflowActor, TWorkflowOptions, TWorkflowResult } from "../workflow/types";
import { dateColumn } from "@/lib/requests/answer-record";
import { STEP_TX, runStep } from "@/lib/requests/mutations/run-step";
import { notifyStep } from "@/lib/requests/mutations/notify-step";
import { startParkReviewClock } from "@/lib/requests/mutations/start-park-review-clock";

type TTx = Prisma.TransactionClient;

// Serial numbers of one year are handed out one transaction at a time.
const SERIAL_LOCK_KEY = 7_262_201;

/** The next "RQ<year>-NNNNNN" after the highest one of the year (seeded ones included). */
export async function nextSerial(tx: TTx, year: number): Promise<string> {
  await tx.$queryRawUnsafe(`SELECT pg_advisory_xact_lock(${SERIAL_LOCK_KEY}, ${year})::text AS locked`);
  const prefix = `RQ${year}-`;
  const [row] = await tx.$queryRawUnsafe<{ last: number | null }[]>(
    `SELECT max(substring(serial FROM $2::int)::bigint)::int AS last
       FROM "Request" WHERE serial LIKE $1 AND substring(serial FROM $2::int) ~ '^[0-9]{1,9}$'`,
    `${prefix}%`,
    prefix.length + 1,
  );
  return `${prefix}${String((row?.last ?? 0) + 1).padStart(6, "0")}`;
}

/** Fields a submitted FINANCING need must have (a draft may leave them empty). */
export function missingForSubmit(input: TSaveRequestInput): Record<string, string> | null {
  if (input.type !== RequestType.FINANCING) return null;
  const missing: Record<string, string> = {};
  if (input.amountFen === null) missing.amountFen = "required";
  if (input.purpose === null) missing.purpose = "required";
  if (input.termMonths === null) missing.termMonths = "required";
  if (input.neededBy === null) missing.neededBy = "required";
  return Object.keys(missing).length > 0 ? missing : null;
}

function fields(input: TSaveRequestInput) {
  return {
    type: input.type,
    title: input.title,
    description: input.description,
    amountFen: input.amountFen === null ? null : BigInt(input.amountFen),
    purpose: input.purpose,
    termMonths: input.termMonths,
    collateral: input.collateral,
    neededBy: input.neededBy ? dateColumn(input.neededBy) : null,
    preferredProducts: input.preferredProducts,
  };
}

function submitContent(input: TSaveRequestInput, resubmission: boolean, parkDueAt: Date) {
  return {
    type: input.type,
    title: input.title,
    amountFen: input.amountFen,
    ...(resubmission ? { resubmission: true } : {}),
    parkDueAt: parkDueAt.toISOString(),
  };
}

export async function saveRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TSaveRequestInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  if (input.submit) {
    const missing = missingForSubmit(input);
    if (missing) throw new AppError("incomplete", missing);
  }
  if (input.requestId) return updateRequest(db, actor, input, opts);
  return createRequest(db, actor, input, opts);
}

async function createRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TSaveRequestInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  if (!canActor(actorOf(actor), "requests.create") || actor.orgKind !== OrgKind.ENTERPRISE) throw new AppError("forbidden");
  const now = opts?.now ?? new Date();
  return db.$transaction(async (tx) => {
    const enterprise = await tx.enterprise.findUnique({
      where: { orgId: actor.orgId },
      select: { id: true, parkId: true, registrationStatus: true },
    });
    if (!enterprise || enterprise.registrationStatus !== RegistrationStatus.APPROVED) throw new AppError("notApproved");
    return insertRequest(tx, actor, enterprise, input, now);
  }, STEP_TX);
}

/**
 * A new item of an approved enterprise, as a draft or submitted to its park's window (the
 * review clock, the SUBMIT entry and the window's notice), in the caller's transaction.
 * The enterprise's own form and a park visit's finding (sourceVisitId) both create items
 * here, so a finding's item starts exactly as any other.
 */
export async function insertRequest(
  tx: TTx,
  actor: TWorkflowActor,
  enterprise: { id: string; parkId: string },
  input: TSaveRequestInput,
  now: Date,
  source: { sourceVisitId?: string; sourceEventId?: string } = {},
): Promise<TWorkflowResult> {
  const program = await getCurrentProgram(tx, undefined, now);
  const rules = program ? await getCurrentRuleVersion(tx, program.id) : null;
  if (!program || !rules) throw new AppError("noProgram");
  const serial = await nextSerial(tx, Number(shanghaiDateString(now).slice(0, 4)));
  const status = input.submit ? RequestStatus.SUBMITTED : RequestStatus.DRAFT;
  // The park window's review clock starts with the submission.
  const parkClock = input.submit ? await startParkReviewClock(tx, now, rules.parkReviewDeadlineDays) : null;
  const created = await tx.request.create({
    data: {
      serial,
      programId: program.id,
      ruleVersionId: rules.id,
      enterpriseId: enterprise.id,
      parkId: enterprise.parkId,
      ...fields(input),
      status,
      submittedAt: input.submit ? now : null,
      ...parkClock,
      version: input.submit ? 1 : 0,
      createdAt: now,
      ...(source.sourceVisitId ? { sourceVisitId: source.sourceVisitId } : {}),
      ...(source.sourceEventId ? { sourceEventId: source.sourceEventId } : {}),
    },
    select: { id: true, serial: true, status: true, version: true },
  });
  if (parkClock) {
    const { seq } = await appendLedgerEntry(tx, {
      requestId: created.id,
      action: LedgerAction.SUBMIT,
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      fromStatus: RequestStatus.DRAFT,
      toStatus: RequestStatus.SUBMITTED,
      content: { ...submitContent(input, false, parkClock.parkDueAt), ...source },
      occurredAt: now,
    });
    // The park window hears of every new item in its review queue.
    const park = await tx.park.findUniqueOrThrow({ where: { id: enterprise.parkId }, select: { orgId: true } });
    await notifyStep(tx, { id: created.id, serial: created.serial, title: input.title }, "request.submitted", [park.orgId], seq);
  }
  return created;
}

async function updateRequest(
  db: PrismaClient,
  actor: TWorkflowActor,
  input: TSaveRequestInput,
  opts?: TWorkflowOptions,
): Promise<TWorkflowResult> {
  return runStep(
    db,
    actor,
    { requestId: input.requestId!, version: input.version, step: input.submit ? "submit" : "edit" },
    opts,
    async (s) => {
      const resubmission = s.row.status === RequestStatus.RETURNED;
      if (!input.submit) {
        await s.update(fields(input));
        return;
      }
      const parkClock = await startParkReviewClock(s.tx, s.now, s.row.ruleVersion.parkReviewDeadlineDays);
      await s.update({ ...fields(input), status: RequestStatus.SUBMITTED, submittedAt: s.now, ...parkClock });
      const [seq] = await s.ledger({
        action: LedgerAction.SUBMIT,
        toStatus: RequestStatus.SUBMITTED,
        content: submitContent(input, resubmission, parkClock.parkDueAt),
      });
      await notifyStep(s.tx, { ...s.row, title: input.title }, "request.submitted", [s.row.park.orgId], seq!);
    },
  );
}
