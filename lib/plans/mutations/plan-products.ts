/**
 * The bank's products a plan names, with their names as they are now (kept on the version,
 * so a renamed or retired product still reads as the plan said). A product of another bank,
 * or retired, is "invalidInput" on productIds.
 */
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TPlanProduct } from "../rules";

export async function planProducts(
  tx: Prisma.TransactionClient,
  bankOrgId: string,
  productIds: readonly string[],
): Promise<TPlanProduct[]> {
  if (productIds.length === 0) return [];
  const found = await tx.bankProduct.findMany({
    where: { id: { in: [...productIds] }, bankOrgId, active: true },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  if (found.length !== productIds.length) throw new AppError("invalidInput", { productIds: "notFound" });
  return found;
}
