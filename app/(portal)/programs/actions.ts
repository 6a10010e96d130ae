"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { changeProgramRules } from "@/lib/programs/mutations/change-program-rules";
import { createProgram } from "@/lib/programs/mutations/create-program";
import { updateProgram } from "@/lib/programs/mutations/update-program";
import { ZChangeRulesInput, ZCreateProgramInput, ZUpdateProgramInput } from "@/lib/programs/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// Programs are the city's plan, not tenant data: the permission is the whole rule (the
// lib functions check it again and re-validate the input).

export const createProgramAction = defineAction({
  name: "programs.create",
  policy: "programs.manage",
  schema: ZCreateProgramInput,
  async handler({ input, user }) {
    const created = await createProgram(db(), user, input, await requestMeta());
    revalidatePath("/programs");
    return created;
  },
});

export const updateProgramAction = defineAction({
  name: "programs.update",
  policy: "programs.manage",
  schema: ZUpdateProgramInput,
  async handler({ input, user }) {
    await updateProgram(db(), user, input, await requestMeta());
    revalidatePath("/programs");
    revalidatePath(`/programs/${input.programId}`);
  },
});

export const changeProgramRulesAction = defineAction({
  name: "programs.changeRules",
  policy: "programs.manage",
  schema: ZChangeRulesInput,
  async handler({ input, user }) {
    const changed = await changeProgramRules(db(), user, input, await requestMeta());
    revalidatePath("/programs");
    revalidatePath(`/programs/${input.programId}`);
    return changed;
  },
});
