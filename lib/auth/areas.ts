import { Role } from "@/lib/generated/prisma/enums";

// Each role lands on one dashboard area. The area is also the URL segment.
export const AREAS = ["finance", "pbc", "bank", "park", "enterprise"] as const;
export type TArea = (typeof AREAS)[number];

const AREA_OF_ROLE: Record<Role, TArea> = {
  [Role.FINANCE_ADMIN]: "finance",
  [Role.FINANCE_STAFF]: "finance",
  [Role.CENTRAL_BANK_STAFF]: "pbc",
  [Role.BANK_MANAGER]: "bank",
  [Role.BANK_LIAISON]: "bank",
  [Role.PARK_STAFF]: "park",
  [Role.ENTERPRISE_OWNER]: "enterprise",
  [Role.ENTERPRISE_MEMBER]: "enterprise",
};

export function areaOfRole(role: Role): TArea {
  return AREA_OF_ROLE[role];
}

export function dashboardPath(role: Role): `/${TArea}` {
  return `/${areaOfRole(role)}`;
}
