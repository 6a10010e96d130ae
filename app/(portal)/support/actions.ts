"use server";
// Server actions are public HTTP endpoints: parse every input, trust nothing.

import { revalidatePath } from "next/cache";
import { actorOf, loadScopeContext } from "@/lib/auth/queries/load-scope-context";
import { fileSupportReport } from "@/lib/support/mutations/file-support-report";
import { reviewSupportReport } from "@/lib/support/mutations/review-support-report";
import { saveSupportAssessment } from "@/lib/support/mutations/save-support-assessment";
import { saveSupportFile } from "@/lib/support/mutations/save-support-file";
import {
  ZFileSupportReportInput,
  ZReviewSupportReportInput,
  ZSaveSupportAssessmentInput,
  ZSaveSupportFileInput,
} from "@/lib/support/schemas";
import { defineAction } from "@/lib/server/action";
import { requestMeta } from "@/lib/server/auth/request-meta";
import { db } from "@/lib/server/db";

// The bank keeps the pairing's support file; the pairing must be its own (scoped).
export const saveSupportFileAction = defineAction({
  name: "support.saveFile",
  policy: "pairings.reportProgress",
  schema: ZSaveSupportFileInput,
  async handler({ input, user }) {
    const saved = await saveSupportFile(db(), actorOf(user), await loadScopeContext(db(), user), input, await requestMeta());
    revalidatePath(`/support/${input.pairingId}`);
    return saved;
  },
});

// The bank files or refiles a month's report for its own pairing.
export const fileSupportReportAction = defineAction({
  name: "support.fileReport",
  policy: "pairings.reportProgress",
  schema: ZFileSupportReportInput,
  async handler({ input, user }) {
    const filed = await fileSupportReport(db(), actorOf(user), await loadScopeContext(db(), user), input, await requestMeta());
    revalidatePath(`/support/${input.pairingId}`);
    revalidatePath(`/support/reports/${filed.reportId}`);
    revalidatePath("/support/reports");
    return filed;
  },
});

// The reviewing office the program's rules name accepts or returns a report.
export const reviewSupportReportAction = defineAction({
  name: "support.reviewReport",
  policy: "support.review",
  schema: ZReviewSupportReportInput,
  async handler({ input, user }) {
    const reviewed = await reviewSupportReport(db(), actorOf(user), input, await requestMeta());
    revalidatePath(`/support/reports/${input.reportId}`);
    revalidatePath("/support/reports");
    return reviewed;
  },
});

// The year-end assessment of a pairing (the city's offices see every pairing).
export const saveSupportAssessmentAction = defineAction({
  name: "support.saveAssessment",
  policy: "support.assess",
  schema: ZSaveSupportAssessmentInput,
  async handler({ input, user }) {
    const saved = await saveSupportAssessment(db(), actorOf(user), input, await requestMeta());
    revalidatePath(`/support/${input.pairingId}`);
    revalidatePath("/support/assessment");
    return saved;
  },
});
