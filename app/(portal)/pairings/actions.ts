"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath, updateTag } from "next/cache";
import { DIRECTORY_CACHE_TAG } from "@/lib/directory/rules";
import {
  addOneOnOne,
  addParticipatingBank,
  endOneOnOne,
  removeParticipatingBank,
  setMainBank,
} from "@/lib/pairings/mutations/change-pairings";
import { ZAddOneOnOneInput, ZPairingIdInput, ZParkBankInput } from "@/lib/pairings/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The lib functions re-check, inside their transaction, the permission, the actor's
// banks (a bank manager: its own bank and branches) and the lock (after the
// implementation phase starts: the finance office administrator only, with a reason).

export const setMainBankAction = defineAction({
  name: "pairings.setMainBank",
  policy: "pairings.manage",
  schema: ZParkBankInput,
  async handler({ input, user }) {
    const done = await setMainBank(db(), user, input, await requestMeta());
    refreshPairings({ directory: true });
    return done;
  },
});

export const addParticipatingBankAction = defineAction({
  name: "pairings.addParticipating",
  policy: "pairings.manage",
  schema: ZParkBankInput,
  async handler({ input, user }) {
    const done = await addParticipatingBank(db(), user, input, await requestMeta());
    refreshPairings({ directory: true });
    return done;
  },
});

export const removeParticipatingBankAction = defineAction({
  name: "pairings.removeParticipating",
  policy: "pairings.manage",
  schema: ZPairingIdInput,
  async handler({ input, user }) {
    const done = await removeParticipatingBank(db(), user, input, await requestMeta());
    refreshPairings({ directory: true });
    return done;
  },
});

export const addOneOnOneAction = defineAction({
  name: "pairings.addOneOnOne",
  policy: "pairings.manageOneOnOne",
  schema: ZAddOneOnOneInput,
  async handler({ input, user }) {
    const done = await addOneOnOne(db(), user, input, await requestMeta());
    refreshPairings({ directory: false });
    return done;
  },
});

export const endOneOnOneAction = defineAction({
  name: "pairings.endOneOnOne",
  policy: "pairings.manageOneOnOne",
  schema: ZPairingIdInput,
  async handler({ input, user }) {
    const done = await endOneOnOne(db(), user, input, await requestMeta());
    refreshPairings({ directory: false });
    return done;
  },
});

// The pairings page always; the public directory only for park–bank pairings (it does
// not list 1+1 pairings).
function refreshPairings({ directory }: { directory: boolean }): void {
  revalidatePath("/pairings");
  if (directory) updateTag(DIRECTORY_CACHE_TAG);
}
