"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import {
  changeRegistryEnterpriseClass,
  createRegistryEnterprise,
  setRegistryEnterpriseActive,
  updateRegistryEnterprise,
} from "@/lib/registry/mutations/registry-enterprises";
import { ZChangeClassInput, ZEnterpriseCreateInput, ZEnterpriseIdInput, ZEnterpriseUpdateInput } from "@/lib/registry/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The mutations find the enterprise through the actor's scope inside their transaction
// (the permission says what, the scope says which): another park's enterprise is "notFound".

export const createRegistryEnterpriseAction = defineAction({
  name: "registry.enterprises.create",
  policy: "enterprises.create",
  schema: ZEnterpriseCreateInput,
  async handler({ input, user }) {
    const { enterpriseId } = await createRegistryEnterprise(db(), user, await loadScopeContext(db(), user), input, await requestMeta());
    revalidatePath("/registry/enterprises");
    redirect(`/registry/enterprises/${enterpriseId}`);
  },
});

export const updateRegistryEnterpriseAction = defineAction({
  name: "registry.enterprises.update",
  policy: "enterprises.update",
  schema: ZEnterpriseUpdateInput,
  async handler({ input, user }) {
    const result = await updateRegistryEnterprise(db(), user, await loadScopeContext(db(), user), input, await requestMeta());
    revalidatePath(`/registry/enterprises/${result.enterpriseId}`);
    return result;
  },
});

export const deactivateRegistryEnterpriseAction = defineAction({
  name: "registry.enterprises.deactivate",
  policy: "enterprises.deactivate",
  schema: ZEnterpriseIdInput,
  async handler({ input, user }) {
    const result = await setRegistryEnterpriseActive(db(), user, await loadScopeContext(db(), user), input, false, await requestMeta());
    revalidatePath(`/registry/enterprises/${result.enterpriseId}`);
    return result;
  },
});

export const reactivateRegistryEnterpriseAction = defineAction({
  name: "registry.enterprises.reactivate",
  policy: "enterprises.deactivate",
  schema: ZEnterpriseIdInput,
  async handler({ input, user }) {
    const result = await setRegistryEnterpriseActive(db(), user, await loadScopeContext(db(), user), input, true, await requestMeta());
    revalidatePath(`/registry/enterprises/${result.enterpriseId}`);
    return result;
  },
});

export const changeRegistryEnterpriseClassAction = defineAction({
  name: "registry.enterprises.changeClass",
  policy: "enterprises.changeClass",
  schema: ZChangeClassInput,
  async handler({ input, user }) {
    const result = await changeRegistryEnterpriseClass(db(), user, await loadScopeContext(db(), user), input, await requestMeta());
    revalidatePath(`/registry/enterprises/${result.enterpriseId}`);
    return result;
  },
});
