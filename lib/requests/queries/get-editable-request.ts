import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { canActor } from "@/lib/auth/permissions";
import { actorOf, loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import { dateColumnToInput, fenToWanYuanInput } from "../form-values";

export type TRequestFormValues = {
  type: string;
  title: string;
  description: string;
  amountFen: string;
  purpose: string;
  termMonths: string;
  collateral: string;
  neededBy: string;
};

export type TEditableRequest = {
  id: string;
  serial: string;
  status: RequestStatus;
  version: number;
  returnReason: string | null;
  values: TRequestFormValues;
  preferredProducts: string[];
};

/**
 * One of the actor's enterprise's own items as its form shows it; null for anyone else
 * (only the enterprise that wrote an item edits it, so no other scope applies). Whether
 * the status still allows editing is the caller's (and the mutation's) call.
 */
export async function getEditableRequest(db: PrismaClient, actor: TActorSource, requestId: string): Promise<TEditableRequest | null> {
  if (!canActor(actorOf(actor), "requests.create")) return null;
  const { enterpriseId } = await loadScopeContext(db, actor);
  if (!enterpriseId) return null;
  const r = await db.request.findFirst({
    where: { id: requestId, enterpriseId },
    select: {
      id: true,
      serial: true,
      status: true,
      version: true,
      returnReason: true,
      type: true,
      title: true,
      description: true,
      amountFen: true,
      purpose: true,
      termMonths: true,
      collateral: true,
      neededBy: true,
      preferredProducts: true,
    },
  });
  if (!r) return null;
  return {
    id: r.id,
    serial: r.serial,
    status: r.status,
    version: r.version,
    returnReason: r.returnReason,
    values: {
      type: r.type,
      title: r.title,
      description: r.description,
      amountFen: fenToWanYuanInput(r.amountFen?.toString() ?? null),
      purpose: r.purpose ?? "",
      termMonths: r.termMonths?.toString() ?? "",
      collateral: r.collateral ?? "",
      neededBy: dateColumnToInput(r.neededBy),
    },
    preferredProducts: r.preferredProducts,
  };
}
