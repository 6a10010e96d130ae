"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createOrganization } from "@/lib/accounts/mutations/create-organization";
import { ZCreateOrganizationInput, nestUserFields } from "@/lib/accounts/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The form posts the first user's fields as "user.name", "user.account" …
const ZCreateOrganizationForm = z.preprocess(nestUserFields, ZCreateOrganizationInput);

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
