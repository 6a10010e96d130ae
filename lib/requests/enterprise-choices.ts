/**
 * What the enterprise may do with its own item in a given state — the buttons its panel
 * shows. The workflow mutations decide for real (and refuse with "invalidState"); this
 * only keeps the page from offering a step that would be refused.
 */
import { RequestStatus } from "@/lib/generated/prisma/enums";

const WITHDRAWABLE: readonly RequestStatus[] = [
  RequestStatus.SUBMITTED,
  RequestStatus.RETURNED,
  RequestStatus.FORWARDED,
  RequestStatus.SIGNED,
  RequestStatus.ESCALATED,
  RequestStatus.ANSWERED,
];

export type TEnterpriseChoices = {
  edit: boolean; // edit and (re)submit: drafts and returned items
  dispute: boolean; // contest a return, once
  rate: boolean;
  withdraw: boolean;
  withdrawAfterAnswer: boolean; // the finance office will check such a withdrawal
};

export function enterpriseChoices(status: RequestStatus, returnDisputedAt: Date | null): TEnterpriseChoices {
  return {
    edit: status === RequestStatus.DRAFT || status === RequestStatus.RETURNED,
    dispute: status === RequestStatus.RETURNED && returnDisputedAt === null,
    rate: status === RequestStatus.ANSWERED,
    withdraw: WITHDRAWABLE.includes(status),
    withdrawAfterAnswer: status === RequestStatus.ANSWERED,
  };
}

export function hasAnyChoice(choices: TEnterpriseChoices): boolean {
  return choices.edit || choices.dispute || choices.rate || choices.withdraw;
}
