/**
 * What every workflow mutation (lib/requests/mutations) takes and returns.
 *
 * Mutations run in one transaction: lock the item (scoped to the actor's organization,
 * so another tenant's id is "notFound"), check `version` ("conflict"), check the step is
 * allowed from the current status ("invalidState"), write the new state with version + 1,
 * append the ledger entry, create notifications — all or nothing.
 *
 * Expected refusals are AppError codes (lib/errors.ts), translated under
 * "requests.errors.<code>": notFound · conflict · invalidState · incomplete (with
 * fieldErrors such as required, badDate, badAmount, badRate) · notApproved · noProgram ·
 * badBank · notPaired · noMainBank · alreadyUnsolvable (declared unsolvable twice) ·
 * notClosable (销号 of an item neither answered nor under supervision)
 */
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { TActorSource } from "@/lib/auth/queries/load-scope-context";

export type TWorkflowActor = TActorSource;

export type TWorkflowOptions = {
  /** The clock (tests pass a fixed instant). Default: new Date(). */
  now?: Date;
};

export type TWorkflowResult = { id: string; serial: string; status: RequestStatus; version: number };
