"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { createOrganization } from "@/lib/accounts/mutations/create-organization";
import { ZCreateOrganizationForm } from "@/lib/accounts/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const createOrganizationAction = defineAction({
  name: "orgs.create",
  policy: "orgs.create",
  schema: ZCreateOrganizationForm,
  async handler({ input, user }) {
    const created = await createOrganization(db(), user, input, await requestMeta());
    revalidatePath("/orgs");
    return created;
  },
});
