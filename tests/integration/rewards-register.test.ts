/**
 * The register of rewards and restrictions on the real database: the finance
 * administrator records (audited, append-only, corrections supersede once), each bank
 * sees its own entries only — another bank's entry is "not found" — and parks,
 * enterprises and bank users cannot record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { recordRewardRestriction } from "@/lib/rewards/mutations/record-reward-restriction";
import { getRewardRestriction, listRewardRestrictions } from "@/lib/rewards/queries/list-reward-restrictions";
import { appErrorOf, createRequestWorld, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
const ids = {} as Record<"a" | "b" | "aCorrection", string>;

const entry = (bankOrgId: string, overrides: Record<string, unknown> = {}) => ({
  programId: w.programId,
  bankOrgId,
  kind: "RESTRICTION",
  measure: "约谈",
  issuingOffice: "市地方金融管理局",
  issuedOn: "2027-02-10",
  basis: "2026年度考核排名后五位",
  ...overrides,
});

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("register of rewards and restrictions", () => {
  it("the finance administrator records entries, audited", async () => {
    ids.a = (await recordRewardRestriction(prisma, w.actors.financeAdmin, entry(w.mainBankOrgId))).id;
    ids.b = (
      await recordRewardRestriction(prisma, w.actors.financeAdmin, entry(w.participatingBankOrgId, { kind: "REWARD", measure: "通报表扬" }))
    ).id;
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: "rewards.recorded", targetId: ids.a } });
    expect(audit.details).toMatchObject({ bankOrgId: w.mainBankOrgId, kind: "RESTRICTION", measure: "约谈" });
  });

  it("nobody else records", async () => {
    for (const actor of [
      w.actors.financeStaff,
      w.actors.centralBankStaff,
      w.actors.mainBankParentLiaison,
      w.actors.parkStaff,
      w.actors.enterpriseOwner,
    ]) {
      expect((await appErrorOf(recordRewardRestriction(prisma, actor, entry(w.mainBankOrgId)))).code).toBe("forbidden");
    }
  });

  it("each bank sees its own entries only; another bank's entry is not found", async () => {
    const mine = await listRewardRestrictions(prisma, w.actors.mainBankParentLiaison, w.programId);
    expect(mine.map((r) => r.id)).toEqual([ids.a]);
    const theirs = await listRewardRestrictions(prisma, w.actors.participatingBankLiaison, w.programId);
    expect(theirs.map((r) => r.id)).toEqual([ids.b]);
    expect(await getRewardRestriction(prisma, w.actors.mainBankParentLiaison, ids.b)).toBeNull();
    expect(await getRewardRestriction(prisma, w.actors.participatingBankLiaison, ids.a)).toBeNull();
    expect((await getRewardRestriction(prisma, w.actors.participatingBankLiaison, ids.b))?.measure).toBe("通报表扬");
    // The liaison of A's servicing sub-branch sees the entries of the branch above it.
    const servicing = await listRewardRestrictions(prisma, w.actors.mainBankLiaison, w.programId);
    expect(servicing.map((r) => r.id)).toEqual([ids.a]);
    // A bank unrelated to both sees neither; parks and enterprises see nothing.
    expect(await listRewardRestrictions(prisma, w.actors.otherBankLiaison, w.programId)).toEqual([]);
    expect(await listRewardRestrictions(prisma, w.actors.parkStaff, w.programId)).toEqual([]);
    expect(await listRewardRestrictions(prisma, w.actors.enterpriseOwner, w.programId)).toEqual([]);
    // The offices see both.
    const all = await listRewardRestrictions(prisma, w.actors.centralBankStaff, w.programId);
    expect(all.map((r) => r.id).sort()).toEqual([ids.a, ids.b].sort());
  });

  it("is append-only: a correction supersedes an entry once, for the same bank", async () => {
    // The portal's role has no UPDATE/DELETE grant on the table, and the trigger refuses them for the owner.
    await expect(prisma.$executeRawUnsafe(`UPDATE "RewardRestriction" SET measure = 'x' WHERE id = '${ids.a}'::uuid`)).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(prisma.$executeRawUnsafe(`DELETE FROM "RewardRestriction" WHERE id = '${ids.a}'::uuid`)).rejects.toThrow(
      /append-only|permission denied/,
    );
    const otherBank = await appErrorOf(
      recordRewardRestriction(prisma, w.actors.financeAdmin, entry(w.participatingBankOrgId, { supersedesId: ids.a })),
    );
    expect(otherBank.fieldErrors).toEqual({ supersedesId: "notFound" });
    ids.aCorrection = (
      await recordRewardRestriction(prisma, w.actors.financeAdmin, entry(w.mainBankOrgId, { supersedesId: ids.a, withdrawn: true }))
    ).id;
    expect(
      (await appErrorOf(recordRewardRestriction(prisma, w.actors.financeAdmin, entry(w.mainBankOrgId, { supersedesId: ids.a })))).code,
    ).toBe("conflict");
    const mine = await listRewardRestrictions(prisma, w.actors.mainBankParentLiaison, w.programId);
    const old = mine.find((r) => r.id === ids.a)!;
    expect(old.supersededById).toBe(ids.aCorrection);
    expect(mine.find((r) => r.id === ids.aCorrection)).toMatchObject({ withdrawn: true, supersedesId: ids.a });
  });

  it("links only a published annual assessment in which the bank was ranked", async () => {
    const refused = await appErrorOf(
      recordRewardRestriction(prisma, w.actors.financeAdmin, entry(w.mainBankOrgId, { rankingId: "00000000-0000-4000-8000-000000000001" })),
    );
    expect(refused.fieldErrors).toEqual({ rankingId: "notFound" });
  });
});
