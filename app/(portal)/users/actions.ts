"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import {
  changeUserRole,
  createUser,
  deactivateUser,
  reactivateUser,
  resetUserPassword,
  resetUserTotp,
  sendUserResetLink,
} from "@/lib/accounts/mutations/manage-users";
import { ZChangeRoleInput, ZCreateUserInput, ZRevealInput, ZUserIdInput } from "@/lib/accounts/schemas";
import { revealUserPii } from "@/lib/privacy/mutations/reveal-user-pii";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The lib functions re-check, inside their transaction, that the target is in one of the
// actor's organizations (the permission says what, the scope says which).

export const createUserAction = defineAction({
  name: "users.create",
  policy: "users.manageOwnOrg",
  schema: ZCreateUserInput,
  async handler({ input, user }) {
    const created = await createUser(db(), user, input, await requestMeta());
    revalidatePath("/users");
    return created;
  },
});

export const deactivateUserAction = defineAction({
  name: "users.deactivate",
  policy: "users.manageOwnOrg",
  schema: ZUserIdInput,
  async handler({ input, user }) {
    await deactivateUser(db(), user, input, await requestMeta());
    revalidatePath("/users");
  },
});

export const reactivateUserAction = defineAction({
  name: "users.reactivate",
  policy: "users.manageOwnOrg",
  schema: ZUserIdInput,
  async handler({ input, user }) {
    await reactivateUser(db(), user, input, await requestMeta());
    revalidatePath("/users");
  },
});

export const resetPasswordAction = defineAction({
  name: "users.resetPassword",
  policy: "users.manageOwnOrg",
  schema: ZUserIdInput,
  async handler({ input, user }) {
    const reset = await resetUserPassword(db(), user, input, await requestMeta());
    revalidatePath("/users");
    return reset;
  },
});

export const sendResetLinkAction = defineAction({
  name: "users.sendResetLink",
  policy: "users.manageOwnOrg",
  schema: ZUserIdInput,
  async handler({ input, user }) {
    await sendUserResetLink(db(), user, input, await requestMeta());
    revalidatePath("/users");
  },
});

export const resetTotpAction = defineAction({
  name: "users.resetTotp",
  policy: "users.manageOwnOrg",
  schema: ZUserIdInput,
  async handler({ input, user }) {
    await resetUserTotp(db(), user, input, await requestMeta());
    revalidatePath("/users");
  },
});

export const changeRoleAction = defineAction({
  name: "users.changeRole",
  policy: "users.manageOwnOrg",
  schema: ZChangeRoleInput,
  async handler({ input, user }) {
    await changeUserRole(db(), user, input, await requestMeta());
    revalidatePath("/users");
  },
});

export const revealPiiAction = defineAction({
  name: "pii.reveal",
  policy: "pii.reveal",
  schema: ZRevealInput,
  async handler({ input, user }) {
    return revealUserPii(db(), user, input, await requestMeta());
  },
});
