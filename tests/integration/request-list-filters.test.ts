/**
 * The request list's narrowing filters (bank with its branches, park, overdue), used by the
 * dashboards' links: they only narrow what the scope already allows.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseRequestListFilters } from "@/lib/requests/list-filters";
import { listRequests } from "@/lib/requests/queries/list-requests";
import { at, createRequestWorld, workflowKit, type TRequestWorld } from "@/tests/factories/requests";
import { testPrisma, uniqueTag } from "@/tests/factories/users";

let prisma: PrismaClient;
let w: TRequestWorld;
let ids: { late: string; onTime: string; submitted: string };

beforeAll(async () => {
  prisma = testPrisma();
  w = await createRequestWorld(prisma, uniqueTag());
  const kit = workflowKit(prisma, w);
  ids = {
    late: (await kit.forwarded(at("2026-11-02T10:00:00"))).id, // due 2026-11-09
    onTime: (await kit.forwarded(at("2026-11-20T10:00:00"))).id, // due 2026-11-27
    submitted: (await kit.submitted(at("2026-11-20T10:00:00"))).id,
  };
});

afterAll(async () => {
  await prisma?.$disconnect();
});

const list = async (params: Record<string, string>, actor = w.actors.financeAdmin) =>
  (await listRequests(prisma, actor, parseRequestListFilters(params), at("2026-11-25T10:00:00"))).rows.map((r) => r.id);

describe("request list filters", () => {
  it("filters by the main bank, covering the sub-branch the items were forwarded to", async () => {
    const rows = await list({ bank: w.mainBankOrgId, park: w.parkId });
    expect(rows).toEqual(expect.arrayContaining([ids.late, ids.onTime]));
    expect(rows).not.toContain(ids.submitted);
    expect(await list({ bank: w.otherBankOrgId, park: w.parkId })).toEqual([]);
  });

  it("keeps only overdue items when asked", async () => {
    const rows = await list({ bank: w.mainBankOrgId, overdue: "1" });
    expect(rows).toContain(ids.late);
    expect(rows).not.toContain(ids.onTime);
  });

  it("never widens the scope: another park's window still sees nothing of this park", async () => {
    expect(await list({ park: w.parkId }, w.actors.otherParkStaff)).toEqual([]);
  });
});
