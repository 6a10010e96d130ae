"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revealEnterpriseContact } from "@/lib/enterprises/mutations/reveal-enterprise-contact";
import { ZRevealEnterpriseContactInput } from "@/lib/enterprises/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

export const revealEnterpriseContactAction = defineAction({
  name: "pii.revealEnterpriseContact",
  policy: "pii.reveal",
  schema: ZRevealEnterpriseContactInput,
  async handler({ input, user }) {
    return revealEnterpriseContact(db(), user, input.enterpriseId, await requestMeta());
  },
});
