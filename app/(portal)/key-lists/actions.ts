"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { addKeyListMembers } from "@/lib/key-lists/mutations/add-key-list-members";
import { createKeyList } from "@/lib/key-lists/mutations/create-key-list";
import { assignKeyList, closeKeyList } from "@/lib/key-lists/mutations/key-list-steps";
import { reassignKeyMember } from "@/lib/key-lists/mutations/reassign-key-member";
import { recordKeyContact } from "@/lib/key-lists/mutations/record-key-contact";
import { ZAddKeyListMembers, ZCreateKeyList, ZKeyListStep, ZReassignKeyMember, ZRecordKeyContact } from "@/lib/key-lists/schemas";
import { defineAction } from "@/lib/server/action";
import { db } from "@/lib/server/db";

// The permission says who may manage lists or record contacts at all; which list, which
// member (a bank: its own), and whether the list's state allows it, the mutations decide.

export const createKeyListAction = defineAction({
  name: "keyLists.create",
  policy: "keyLists.manage",
  schema: ZCreateKeyList,
  async handler({ input, user }) {
    const result = await createKeyList(db(), user, input);
    revalidatePath("/key-lists");
    return result;
  },
});

export const addKeyListMembersAction = defineAction({
  name: "keyLists.addMembers",
  policy: "keyLists.manage",
  schema: ZAddKeyListMembers,
  async handler({ input, user }) {
    const result = await addKeyListMembers(db(), user, input);
    revalidatePath(`/key-lists/${input.listId}`);
    return result;
  },
});

export const assignKeyListAction = defineAction({
  name: "keyLists.assign",
  policy: "keyLists.manage",
  schema: ZKeyListStep,
  async handler({ input, user }) {
    const result = await assignKeyList(db(), user, input);
    revalidatePath(`/key-lists/${input.listId}`);
    return result;
  },
});

export const closeKeyListAction = defineAction({
  name: "keyLists.close",
  policy: "keyLists.manage",
  schema: ZKeyListStep,
  async handler({ input, user }) {
    await closeKeyList(db(), user, input);
    revalidatePath(`/key-lists/${input.listId}`);
    return { closed: true };
  },
});

export const reassignKeyMemberAction = defineAction({
  name: "keyLists.reassign",
  policy: "keyLists.manage",
  schema: ZReassignKeyMember,
  async handler({ input, user }) {
    await reassignKeyMember(db(), user, input);
    revalidatePath(`/key-lists/members/${input.memberId}`);
    return { reassigned: true };
  },
});

export const recordKeyContactAction = defineAction({
  name: "keyLists.recordContact",
  policy: "keyLists.contact",
  schema: ZRecordKeyContact,
  async handler({ input, user }) {
    const result = await recordKeyContact(db(), user, input);
    revalidatePath(`/key-lists/members/${input.memberId}`);
    return result;
  },
});
