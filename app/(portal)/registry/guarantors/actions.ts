"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { createRegistryGuarantor, setRegistryOrgActive, updateRegistryGuarantor } from "@/lib/registry/mutations/registry-orgs";
import { ZGuarantorCreateInput, ZGuarantorUpdateInput, ZOrgIdInput } from "@/lib/registry/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const createRegistryGuarantorAction = defineAction({
  name: "registry.guarantors.create",
  policy: "orgs.create",
  schema: ZGuarantorCreateInput,
  async handler({ input, user }) {
    const { orgId } = await createRegistryGuarantor(db(), user, input, await requestMeta());
    revalidatePath("/registry/guarantors");
    redirect(`/registry/guarantors/${orgId}`);
  },
});

export const updateRegistryGuarantorAction = defineAction({
  name: "registry.guarantors.update",
  policy: "orgs.update",
  schema: ZGuarantorUpdateInput,
  async handler({ input, user }) {
    const result = await updateRegistryGuarantor(db(), user, input, await requestMeta());
    revalidatePath(`/registry/guarantors/${result.orgId}`);
    return result;
  },
});

export const deactivateRegistryGuarantorAction = defineAction({
  name: "registry.guarantors.deactivate",
  policy: "orgs.update",
  schema: ZOrgIdInput,
  async handler({ input, user }) {
    const result = await setRegistryOrgActive(db(), user, OrgKind.GUARANTEE_COMPANY, input, false, await requestMeta());
    revalidatePath(`/registry/guarantors/${result.orgId}`);
    return result;
  },
});

export const reactivateRegistryGuarantorAction = defineAction({
  name: "registry.guarantors.reactivate",
  policy: "orgs.update",
  schema: ZOrgIdInput,
  async handler({ input, user }) {
    const result = await setRegistryOrgActive(db(), user, OrgKind.GUARANTEE_COMPANY, input, true, await requestMeta());
    revalidatePath(`/registry/guarantors/${result.orgId}`);
    return result;
  },
});
