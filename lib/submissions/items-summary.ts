/**
 * The portal's own part of a quarterly submission: which items belong to a bank's quarter
 * and a one-line ledger summary of each, computed from the ledger (pure; the query in
 * ./queries/load-quarter-items.ts reads the rows).
 *
 * Which items (decision): items the bank — or one of its branches — was made RESPONSIBLE
 * for by a FORWARD (as primary bank), ASSIGN or PASS ledger entry, and
 *   - received: the first such entry falls inside the quarter, or
 *   - carried over: it came before the quarter, the item was still with the bank when the
 *     quarter began (not passed or assigned elsewhere) and not closed or withdrawn before.
 * Copies to participating banks are not the copied bank's items: it has nothing to answer.
 *
 * Everything here is JSON-safe (ISO strings), so the accepted submission's itemsSnapshot
 * is exactly what the bank saw.
 */

export const ROUTING_ACTIONS = ["FORWARD", "ASSIGN", "PASS"] as const;
export const SUMMARY_ACTIONS = [...ROUTING_ACTIONS, "ANSWER", "RATE", "CLOSE", "WITHDRAW"] as const;

export type TLedgerFact = {
  action: string;
  occurredAt: Date;
  toStatus: string | null;
  actorOrgId: string | null;
  content: unknown;
};

export type TItemFacts = {
  id: string;
  serial: string;
  title: string;
  type: string;
  status: string;
  enterpriseName: string;
  rating: string | null;
  escalatedAt: Date | null;
  /** Ledger entries of the actions in SUMMARY_ACTIONS, in ledger order. */
  ledger: TLedgerFact[];
};

export type TPrefillItem = {
  requestId: string;
  serial: string;
  title: string;
  type: string;
  enterpriseName: string;
  /** Status now (at the time of the prefill or of acceptance). */
  status: string;
  /** When the bank became responsible (first FORWARD/ASSIGN/PASS to it). */
  receivedAt: string;
  carriedOver: boolean;
  dueAt: string | null;
  firstAnswerAt: string | null;
  answerKind: string | null;
  /** true/false once answered or overdue; null while unanswered and still within the deadline. */
  onTime: boolean | null;
  rating: string | null;
  escalated: boolean;
};

export type TItemTotals = {
  items: number;
  received: number;
  carriedOver: number;
  answered: number;
  answeredOnTime: number;
  late: number;
  pending: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
  escalated: number;
};

type TContent = Record<string, unknown>;
const contentOf = (e: TLedgerFact): TContent =>
  e.content && typeof e.content === "object" && !Array.isArray(e.content) ? (e.content as TContent) : {};
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

/** The bank made responsible by a routing entry (a copy does not count). */
export function responsibleBankOf(e: TLedgerFact): string | null {
  const c = contentOf(e);
  if (e.action === "FORWARD") return str(c.primaryBankOrgId);
  if (e.action === "ASSIGN") return str(c.bankOrgId);
  if (e.action === "PASS") return str(c.toBankOrgId);
  return null;
}

function dueOf(e: TLedgerFact): Date | null {
  const due = str(contentOf(e).dueAt);
  const d = due ? new Date(due) : null;
  return d && !Number.isNaN(d.getTime()) ? d : null;
}

/**
 * The item's line in the bank's submission for [start, end), or null when the item is not
 * one of the bank's items of that quarter. `banks` = the bank and its branches.
 */
export function summarizeItem(
  item: TItemFacts,
  banks: ReadonlySet<string>,
  bounds: { start: Date; end: Date },
  now: Date,
): TPrefillItem | null {
  const start = bounds.start.getTime();
  const end = bounds.end.getTime();
  const routings = item.ledger.filter((e) => (ROUTING_ACTIONS as readonly string[]).includes(e.action));
  const toBank = routings.filter((e) => banks.has(responsibleBankOf(e) ?? ""));
  const received = toBank[0];
  if (!received) return null;
  const receivedMs = received.occurredAt.getTime();
  if (receivedMs >= end) return null;

  let carriedOver = false;
  if (receivedMs < start) {
    const before = routings.filter((e) => e.occurredAt.getTime() < start);
    const stillWithBank = banks.has(responsibleBankOf(before.at(-1)!) ?? "");
    const endedBefore = item.ledger.some((e) => e.occurredAt.getTime() < start && (e.toStatus === "CLOSED" || e.toStatus === "WITHDRAWN"));
    if (!stillWithBank || endedBefore) return null;
    carriedOver = true;
  }

  const dueAt = dueOf(received);
  const answer = item.ledger.find((e) => {
    if (e.action !== "ANSWER" || e.occurredAt.getTime() < receivedMs) return false;
    const by = str(contentOf(e).bankOrgId) ?? e.actorOrgId;
    return by !== null && banks.has(by);
  });
  let onTime: boolean | null = null;
  if (answer) {
    const recorded = contentOf(answer).onTime;
    onTime = typeof recorded === "boolean" ? recorded : dueAt === null || answer.occurredAt.getTime() <= dueAt.getTime();
  } else if (dueAt !== null && now.getTime() > dueAt.getTime()) {
    onTime = false;
  }

  return {
    requestId: item.id,
    serial: item.serial,
    title: item.title,
    type: item.type,
    enterpriseName: item.enterpriseName,
    status: item.status,
    receivedAt: received.occurredAt.toISOString(),
    carriedOver,
    dueAt: dueAt?.toISOString() ?? null,
    firstAnswerAt: answer?.occurredAt.toISOString() ?? null,
    answerKind: answer ? str(contentOf(answer).answerKind) : null,
    onTime,
    rating: item.rating,
    escalated: item.escalatedAt !== null,
  };
}

export function totalsOf(items: readonly TPrefillItem[]): TItemTotals {
  const t: TItemTotals = {
    items: items.length,
    received: 0,
    carriedOver: 0,
    answered: 0,
    answeredOnTime: 0,
    late: 0,
    pending: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    escalated: 0,
  };
  for (const i of items) {
    if (i.carriedOver) t.carriedOver++;
    else t.received++;
    if (i.firstAnswerAt) t.answered++;
    if (i.onTime === true) t.answeredOnTime++;
    if (i.onTime === false) t.late++;
    if (i.onTime === null) t.pending++;
    if (i.rating === "SATISFIED") t.satisfied++;
    if (i.rating === "BASICALLY_SATISFIED") t.basicallySatisfied++;
    if (i.rating === "DISSATISFIED") t.dissatisfied++;
    if (i.escalated) t.escalated++;
  }
  return t;
}

export type TItemsSnapshot = {
  version: 1;
  computedAt: string;
  totals: TItemTotals | null;
  /** Null in a snapshot that kept only a summary (the demo seed's). */
  items: TPrefillItem[] | null;
};

export function makeItemsSnapshot(items: TPrefillItem[], computedAt: Date): TItemsSnapshot {
  return { version: 1, computedAt: computedAt.toISOString(), totals: totalsOf(items), items };
}

/** Reads a stored snapshot defensively (it is JSON written by an older version maybe). */
export function readItemsSnapshot(json: unknown): TItemsSnapshot | null {
  if (!json || typeof json !== "object" || Array.isArray(json)) return null;
  const s = json as Partial<TItemsSnapshot>;
  if (s.version !== 1 || typeof s.computedAt !== "string") return null;
  const items = Array.isArray(s.items) ? (s.items as TPrefillItem[]) : null;
  const totals = s.totals && typeof s.totals === "object" ? (s.totals as TItemTotals) : items ? totalsOf(items) : null;
  return { version: 1, computedAt: s.computedAt, totals, items };
}
