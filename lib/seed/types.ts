import type { Prisma } from "@/lib/generated/prisma/client";
import type { WorkingCalendar } from "@/lib/calendar/working-days";
import type { TBankDef, TParkDef } from "./catalog";
import type { TSeedQuestionnaires } from "./questionnaires";

/** Plain rows for `createMany`, one array per table. */
export interface TSeedRows {
  organization: Prisma.OrganizationCreateManyInput[];
  user: Prisma.UserCreateManyInput[];
  program: Prisma.ProgramCreateManyInput[];
  programPhase: Prisma.ProgramPhaseCreateManyInput[];
  programRuleVersion: Prisma.ProgramRuleVersionCreateManyInput[];
  scoringRuleSet: Prisma.ScoringRuleSetCreateManyInput[];
  calendarYear: Prisma.CalendarYearCreateManyInput[];
  calendarDay: Prisma.CalendarDayCreateManyInput[];
  park: Prisma.ParkCreateManyInput[];
  bankContact: Prisma.BankContactCreateManyInput[];
  bankProduct: Prisma.BankProductCreateManyInput[];
  parkBankPairing: Prisma.ParkBankPairingCreateManyInput[];
  parkVisit: Prisma.ParkVisitCreateManyInput[];
  quarterlySubmission: Prisma.QuarterlySubmissionCreateManyInput[];
  quarterlyParkFigure: Prisma.QuarterlyParkFigureCreateManyInput[];
  bankCreditTarget: Prisma.BankCreditTargetCreateManyInput[];
  enterprise: Prisma.EnterpriseCreateManyInput[];
  enterpriseClassChange: Prisma.EnterpriseClassChangeCreateManyInput[];
  enterpriseBankPairing: Prisma.EnterpriseBankPairingCreateManyInput[];
  supportFile: Prisma.SupportFileCreateManyInput[];
  supportReport: Prisma.SupportReportCreateManyInput[];
  supportReportRevision: Prisma.SupportReportRevisionCreateManyInput[];
  supportReportReview: Prisma.SupportReportReviewCreateManyInput[];
  request: Prisma.RequestCreateManyInput[];
  requestRoute: Prisma.RequestRouteCreateManyInput[];
  ledgerEntry: Prisma.LedgerEntryCreateManyInput[];
  loanOutcome: Prisma.LoanOutcomeCreateManyInput[];
  notification: Prisma.NotificationCreateManyInput[];
  halfYearEvaluation: Prisma.HalfYearEvaluationCreateManyInput[];
  halfYearEvaluationBank: Prisma.HalfYearEvaluationBankCreateManyInput[];
  questionnaire: Prisma.QuestionnaireCreateManyInput[];
  questionnaireResponse: Prisma.QuestionnaireResponseCreateManyInput[];
}

export type TSeedTable = keyof TSeedRows;

/** Insertion order: every foreign key points to a table earlier in the list. */
export const TABLE_ORDER: readonly TSeedTable[] = [
  "organization",
  "user",
  "program",
  "programPhase",
  "programRuleVersion",
  "scoringRuleSet",
  "calendarYear",
  "calendarDay",
  "park",
  "bankContact",
  "bankProduct",
  "parkBankPairing",
  "parkVisit",
  "quarterlySubmission",
  "quarterlyParkFigure",
  "bankCreditTarget",
  "enterprise",
  "enterpriseClassChange",
  "enterpriseBankPairing",
  "supportFile",
  "supportReport",
  "supportReportRevision",
  "supportReportReview",
  "request",
  "requestRoute",
  "ledgerEntry",
  "loanOutcome",
  "notification",
  "halfYearEvaluation",
  "halfYearEvaluationBank",
  "questionnaire",
  "questionnaireResponse",
];

export function emptyRows(): TSeedRows {
  return Object.fromEntries(TABLE_ORDER.map((t) => [t, []])) as unknown as TSeedRows;
}

export interface TSeedOptions {
  /** Number of enterprises (default 300). */
  enterprises: number;
  /** "YYYY-MM-DD": the demo's "today" (Asia/Shanghai). Every event happens before it. */
  referenceDate: string;
  /** Seed of the random streams: same options → identical rows. */
  seed: string;
  /** Enterprises per generated chunk (memory bound for large runs). */
  chunkSize: number;
}

export interface TSubBranchCtx {
  orgId: string;
  name: string;
  liaisonUserId: string;
  liaisonName: string;
  /** Index in the flat list of all sub-branches. */
  flatIndex: number;
}

export interface TBankCtx {
  def: TBankDef;
  index: number;
  orgId: string;
  managerUserId: string;
  presidentName: string;
  subBranches: TSubBranchCtx[];
  products: Array<{ name: string; kind: string }>;
}

export interface TParkCtx {
  def: TParkDef;
  index: number;
  orgId: string;
  parkId: string;
  staffUserId: string;
  mainBank: number;
  participating: number[];
}

/** Everything the enterprise chunks need from the base data (ids, rules, clock). */
export interface TSeedContext {
  options: TSeedOptions;
  year: number;
  /** The demo's "now": 00:00 Asia/Shanghai of the reference date. */
  nowMs: number;
  referenceDay: string;
  /** Requests are created from here on (first day of the previous quarter). */
  windowStartDay: string;
  /** When the program's organizations, contacts and pairings were set up. */
  setupDay: string;
  /** Start of the implementation phase (pairings lock then). */
  implementationStartMs: number;
  calendar: WorkingCalendar;
  programId: string;
  ruleVersionId: string;
  rules: {
    replyDeadlineDays: number;
    escalateAfterDays: number;
    bulletinAfterRemindDays: number;
    autoCloseUnratedDays: number;
    parkReviewDeadlineDays: number;
    supplementDeadlineDays: number;
  };
  financeOrgId: string;
  financeAdminUserId: string;
  financeStaffUserId: string;
  pbcOrgId: string;
  pbcStaffUserId: string;
  parks: TParkCtx[];
  banks: TBankCtx[];
  subBranches: TSubBranchCtx[];
  /** The seeded questionnaires the enterprises answer (lib/seed/questionnaires.ts). */
  questionnaires?: TSeedQuestionnaires;
}

export interface TDemoAccount {
  account: string;
  role: string;
  name: string;
  orgName: string;
}
