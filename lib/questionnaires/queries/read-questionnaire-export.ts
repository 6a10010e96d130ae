/**
 * A questionnaire's responses for their Excel export: one row per enterprise, one column
 * per question, newest first, read in keyset batches (a city-wide questionnaire can have
 * tens of thousands of answers) up to RESPONSE_EXPORT_CAP rows.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { ZQuestions, type TQuestion } from "@/lib/questionnaires/schemas";

export const RESPONSE_EXPORT_CAP = 100_000;
const BATCH = 2_000;

export type TResponseExportRow = {
  submittedAt: Date;
  uscc: string;
  enterpriseName: string;
  parkName: string;
  bankName: string | null;
  answers: Record<string, unknown>;
};

export async function readQuestionnaireExport(
  db: PrismaClient,
  actor: TActorSource,
  questionnaireId: string,
): Promise<{ title: string; questions: TQuestion[]; rows: TResponseExportRow[]; capped: boolean } | null> {
  if (!canActor(actorOf(actor), "questionnaires.export")) return null;
  const q = await db.questionnaire.findUnique({ where: { id: questionnaireId }, select: { title: true, questions: true } });
  if (!q) return null;
  const rows: TResponseExportRow[] = [];
  const bankNames = new Map<string, string>();
  let after: { submittedAt: Date; id: string } | null = null;
  while (rows.length <= RESPONSE_EXPORT_CAP) {
    const batch: {
      id: string;
      submittedAt: Date;
      bankOrgId: string | null;
      answers: unknown;
      enterprise: { uscc: string; name: string; park: { org: { name: string } } };
    }[] = await db.questionnaireResponse.findMany({
      where: after
        ? {
            questionnaireId,
            OR: [{ submittedAt: { lt: after.submittedAt } }, { submittedAt: after.submittedAt, id: { lt: after.id } }],
          }
        : { questionnaireId },
      orderBy: [{ submittedAt: "desc" }, { id: "desc" }],
      take: BATCH,
      select: {
        id: true,
        submittedAt: true,
        bankOrgId: true,
        answers: true,
        enterprise: { select: { uscc: true, name: true, park: { select: { org: { select: { name: true } } } } } },
      },
    });
    const missing = [...new Set(batch.flatMap((r) => (r.bankOrgId && !bankNames.has(r.bankOrgId) ? [r.bankOrgId] : [])))];
    if (missing.length) {
      for (const b of await db.organization.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } }))
        bankNames.set(b.id, b.name);
    }
    for (const r of batch) {
      rows.push({
        submittedAt: r.submittedAt,
        uscc: r.enterprise.uscc,
        enterpriseName: r.enterprise.name,
        parkName: r.enterprise.park.org.name,
        bankName: r.bankOrgId ? (bankNames.get(r.bankOrgId) ?? null) : null,
        answers: (r.answers ?? {}) as Record<string, unknown>,
      });
    }
    if (batch.length < BATCH) break;
    const last = batch[batch.length - 1]!;
    after = { submittedAt: last.submittedAt, id: last.id };
  }
  const capped = rows.length > RESPONSE_EXPORT_CAP;
  return { title: q.title, questions: ZQuestions.parse(q.questions), rows: rows.slice(0, RESPONSE_EXPORT_CAP), capped };
}
