import type { PrismaClient } from "@/lib/generated/prisma/client";
import { SubmissionStatus } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";
import type { TChainHeads, TItemChainHead } from "@/lib/ledger/anchor";
import { readItemChainHeads } from "@/lib/ledger/queries/read-item-chain-heads";
import { getSubmissionDetail, type TSubmissionDetail } from "./get-submission-detail";

export type TResolutionLedger = {
  submission: TSubmissionDetail;
  /** When the finance office accepted it (the snapshot's moment). */
  acceptedAt: Date;
  /** Each listed item's ledger chain head as of acceptance, by requestId. */
  heads: Map<string, TItemChainHead>;
  /** The digest of those heads (the daily anchors' form). */
  chain: TChainHeads;
};

/**
 * A bank's quarterly 解决台账 as accepted: the submission's frozen snapshot (its items and
 * park figures, through the same scope as the submission page — another bank's is not
 * found) and the ledger's chain heads of its items as of the acceptance. Null unless the
 * submission exists for the actor and is ACCEPTED: a draft or a submission under review
 * is not an official ledger yet.
 */
export async function getResolutionLedger(db: PrismaClient, actor: TActorSource, id: string): Promise<TResolutionLedger | null> {
  const submission = await getSubmissionDetail(db, actor, id);
  if (!submission || submission.status !== SubmissionStatus.ACCEPTED) return null;
  const acceptedAt = submission.frozenAt ?? submission.reviewedAt;
  if (!acceptedAt) return null;
  const { heads, digest } = await readItemChainHeads(
    db,
    (submission.items ?? []).map((i) => i.requestId),
    acceptedAt,
  );
  return { submission, acceptedAt, heads: new Map(heads.map((h) => [h.requestId, h])), chain: digest };
}
