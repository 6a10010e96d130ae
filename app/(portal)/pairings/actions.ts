"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
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
    refreshPairings();
    return done;
  },
});

export const addParticipatingBankAction = defineAction({
  name: "pairings.addParticipating",
  policy: "pairings.manage",
  schema: ZParkBankInput,
  async handler({ input, user }) {
    const done = await addParticipatingBank(db(), user, input, await requestMeta());
    refreshPairings();
    return done;
  },
});

export const removeParticipatingBankAction = defineAction({
  name: "pairings.removeParticipating",
  policy: "pairings.manage",
  schema: ZPairingIdInput,
  async handler({ input, user }) {
    const done = await removeParticipatingBank(db(), user, input, await requestMeta());
    refreshPairings();
    return done;
  },
});

export const addOneOnOneAction = defineAction({
  name: "pairings.addOneOnOne",
  policy: "pairings.manageOneOnOne",
  schema: ZAddOneOnOneInput,
  async handler({ input, user }) {
    const done = await addOneOnOne(db(), user, input, await requestMeta());
    refreshPairings();
    return done;
  },
});

export const endOneOnOneAction = defineAction({
  name: "pairings.endOneOnOne",
  policy: "pairings.manageOneOnOne",
  schema: ZPairingIdInput,
  async handler({ input, user }) {
    const done = await endOneOnOne(db(), user, input, await requestMeta());
    refreshPairings();
    return done;
  },
});

// The public directory keeps no cache: it reads the pairings on every view, on every app
// server.
function refreshPairings(): void {
  revalidatePath("/pairings");
}
