import type { Prisma } from "@/lib/generated/prisma/client";
import { canActor, type TActor } from "@/lib/auth/permissions";
import { nothing } from "@/lib/auth/scopes";
import { oneOnOneScope, type TPairingScopeContext } from "@/lib/pairings/scopes";

// Who sees which 1+1 support files and reports: the pairings the actor sees (the finance
// office and the central bank all, a bank its own and its branches'), and only with
// support.read — parks and enterprises are the subject of the reports, not their readers.
// Pure: the caller loads the context; missing context gives nothing.
export function supportPairingScope(actor: TActor, ctx: TPairingScopeContext): Prisma.EnterpriseBankPairingWhereInput {
  if (!canActor(actor, "support.read")) return nothing();
  return oneOnOneScope(actor, ctx);
}
