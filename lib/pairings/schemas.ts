import { z } from "zod";
import { zPlainText } from "@/lib/validation/fields";
import { CHANGE_REASON_MAX_LENGTH } from "./rules";
import { UUID_PATTERN } from "@/lib/ids";

// Inputs of the pairing changes, parsed by the server actions. Error messages are keys
// under "pairings.errors". Pure: no database, no framework.

const id = () => z.string({ message: "required" }).trim().regex(UUID_PATTERN, { message: "required" });

// Optional in the schema: whether it is needed depends on the lock, decided inside the
// mutation's transaction.
const reason = z
  .string()
  .max(CHANGE_REASON_MAX_LENGTH, { message: "tooLong" })
  .optional()
  .transform((v) => v ?? "");

export const ZParkBankInput = z.object({ parkId: id(), bankOrgId: id(), reason });
export type TParkBankInput = z.input<typeof ZParkBankInput>;

export const ZPairingIdInput = z.object({ pairingId: id(), reason });
export type TPairingIdInput = z.input<typeof ZPairingIdInput>;

export const ZAddOneOnOneInput = z.object({
  bankOrgId: id(),
  enterpriseId: id(),
  accountManagerName: zPlainText({ message: "required" }).trim().min(1, { message: "required" }).max(40, { message: "tooLong" }),
  accountManagerMobile: z.string({ message: "required" }).trim().min(1, { message: "required" }).max(20, { message: "mobileInvalid" }),
  reason,
});
export type TAddOneOnOneInput = z.input<typeof ZAddOneOnOneInput>;
