import { Role } from "@/lib/generated/prisma/enums";

// MLPS level 3 asks two factors of government and financial-institution staff; for
// enterprises a second factor is offered but not imposed.
const OPTIONAL_FOR: ReadonlySet<Role> = new Set([Role.ENTERPRISE_OWNER, Role.ENTERPRISE_MEMBER]);

export function requiresTotp(role: Role): boolean {
  return !OPTIONAL_FOR.has(role);
}
