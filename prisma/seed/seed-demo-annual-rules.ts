/**
 * The demo program's annual assessment rule set (一年一考核), saved through the real
 * saveRuleSet as the finance office would, so computing the annual assessment is not
 * refused for want of one (lib/seed/scoring.ts, defaultAnnualScoringRules, says where each
 * number comes from). Kept out of seedDemoData, whose rows are byte-for-byte deterministic.
 */
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { actorOf } from "@/lib/auth/queries/load-scope-context";
import { saveRuleSet } from "@/lib/ranking/mutations/save-rule-set";
import { getCurrentProgram } from "@/lib/programs/queries/get-current-program";
import { DEMO_USERS } from "@/lib/seed/base";
import { defaultAnnualScoringRules } from "@/lib/seed/scoring";

export async function seedDemoAnnualRules(client: PrismaClient, referenceDate: string): Promise<void> {
  const now = new Date(`${referenceDate}T12:00:00+08:00`);
  const program = await getCurrentProgram(client, undefined, now);
  const admin = await client.user.findFirst({
    where: { account: DEMO_USERS.financeAdmin.account },
    select: { id: true, orgId: true, role: true, org: { select: { kind: true } } },
  });
  if (!program || !admin) return;
  const exists = await client.scoringRuleSet.findFirst({ where: { programId: program.id, period: "YEAR" }, select: { id: true } });
  if (exists) return;
  await saveRuleSet(client, actorOf({ userId: admin.id, orgId: admin.orgId, role: admin.role, orgKind: admin.org.kind }), {
    programId: program.id,
    period: "YEAR",
    name: `${program.year}年度银行机构结对帮扶年度考核评分规则`,
    rules: defaultAnnualScoringRules(),
  });
}
