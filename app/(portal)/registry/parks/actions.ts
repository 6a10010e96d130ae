"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { setRegistryOrgActive, updateRegistryPark } from "@/lib/registry/mutations/registry-orgs";
import { ZOrgIdInput, ZParkUpdateInput } from "@/lib/registry/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const updateRegistryParkAction = defineAction({
  name: "registry.parks.update",
  policy: "orgs.update",
  schema: ZParkUpdateInput,
  async handler({ input, user }) {
    const result = await updateRegistryPark(db(), user, input, await requestMeta());
    revalidatePath(`/registry/parks/${result.orgId}`);
    return result;
  },
});

export const deactivateRegistryParkAction = defineAction({
  name: "registry.parks.deactivate",
  policy: "orgs.update",
  schema: ZOrgIdInput,
  async handler({ input, user }) {
    const result = await setRegistryOrgActive(db(), user, OrgKind.PARK, input, false, await requestMeta());
    revalidatePath(`/registry/parks/${result.orgId}`);
    return result;
  },
});

export const reactivateRegistryParkAction = defineAction({
  name: "registry.parks.reactivate",
  policy: "orgs.update",
  schema: ZOrgIdInput,
  async handler({ input, user }) {
    const result = await setRegistryOrgActive(db(), user, OrgKind.PARK, input, true, await requestMeta());
    revalidatePath(`/registry/parks/${result.orgId}`);
    return result;
  },
});
