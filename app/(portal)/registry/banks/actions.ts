"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { ZBankContactInput } from "@/lib/registry/schemas";
import { fileBankContact } from "@/lib/registry/mutations/registry-contacts";
import { setRegistryOrgActive, updateRegistryBank } from "@/lib/registry/mutations/registry-orgs";
import { ZBankUpdateInput, ZOrgIdInput } from "@/lib/registry/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// A contact change is filed for the actor's own bank only (a manager: also the banks
// below it); fileBankContact checks that against the bank hierarchy.
export const fileBankContactAction = defineAction({
  name: "registry.banks.fileContact",
  policy: "contacts.manage",
  schema: ZBankContactInput,
  async handler({ input, user }) {
    const result = await fileBankContact(db(), user, input, await requestMeta());
    revalidatePath(`/registry/banks/${input.bankOrgId}`);
    return result;
  },
});

export const updateRegistryBankAction = defineAction({
  name: "registry.banks.update",
  policy: "orgs.update",
  schema: ZBankUpdateInput,
  async handler({ input, user }) {
    const result = await updateRegistryBank(db(), user, input, await requestMeta());
    revalidatePath(`/registry/banks/${result.orgId}`);
    return result;
  },
});

export const deactivateRegistryBankAction = defineAction({
  name: "registry.banks.deactivate",
  policy: "orgs.update",
  schema: ZOrgIdInput,
  async handler({ input, user }) {
    const result = await setRegistryOrgActive(db(), user, OrgKind.BANK, input, false, await requestMeta());
    revalidatePath(`/registry/banks/${result.orgId}`);
    return result;
  },
});

export const reactivateRegistryBankAction = defineAction({
  name: "registry.banks.reactivate",
  policy: "orgs.update",
  schema: ZOrgIdInput,
  async handler({ input, user }) {
    const result = await setRegistryOrgActive(db(), user, OrgKind.BANK, input, true, await requestMeta());
    revalidatePath(`/registry/banks/${result.orgId}`);
    return result;
  },
});
