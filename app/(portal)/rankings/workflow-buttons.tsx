"use client";

import { useActionState } from "react";
import { useFocusFirstError } from "@/components/forms/focus-first-error";
import { FormAlert } from "@/components/forms/form-alert";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import type { TActionResult } from "@/lib/server/action";
import { useRankingError } from "@/components/ranking/rules-editor";
import { computeAnnualRankingAction, computeRankingAction, publishRankingAction, reviewRankingAction } from "./actions";

function Outcome({ state, done }: { state: TActionResult<unknown> | null; done: string }) {
  const message = useRankingError();
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="text-sm text-green-800">
      {done}
    </p>
  ) : (
    <FormAlert message={message(state.error)} />
  );
}

/** "计算本季度排名" / "重新计算" for one quarter (finance administrator). */
export function ComputeButton({
  programId,
  year,
  quarter,
  recompute,
}: {
  programId: string;
  year: number;
  quarter: number;
  recompute: boolean;
}) {
  const t = useTranslations("ranking");
  const [state, action, pending] = useActionState<
    TActionResult<{ rankingId: string; ruleSetVersion: number; banks: number }> | null,
    FormData
  >(computeRankingAction, null);
  const formRef = useFocusFirstError(state);
  return (
    <form ref={formRef} action={action} className="space-y-1">
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      <Button type="submit" pending={pending} pendingLabel={t("list.computing")} className="text-sm">
        {recompute ? t("list.recompute") : t("list.compute")}
      </Button>
      <Outcome state={state} done={state?.ok ? t("list.computed", { banks: state.data.banks, version: state.data.ruleSetVersion }) : ""} />
    </form>
  );
}

/** "计算年度考核" / "重新计算年度考核" for one program year (finance administrator). */
export function ComputeAnnualButton({ programId, year, recompute }: { programId: string; year: number; recompute: boolean }) {
  const t = useTranslations("ranking");
  const [state, action, pending] = useActionState<
    TActionResult<{ rankingId: string; ruleSetVersion: number; banks: number }> | null,
    FormData
  >(computeAnnualRankingAction, null);
  const formRef = useFocusFirstError(state);
  return (
    <form ref={formRef} action={action} className="space-y-1">
      <input type="hidden" name="programId" value={programId} />
      <input type="hidden" name="year" value={year} />
      <Button type="submit" pending={pending} pendingLabel={t("list.computing")} className="text-sm">
        {recompute ? t("annual.recompute") : t("annual.compute")}
      </Button>
      <Outcome state={state} done={state?.ok ? t("list.computed", { banks: state.data.banks, version: state.data.ruleSetVersion }) : ""} />
    </form>
  );
}

export function ReviewButton({ rankingId }: { rankingId: string }) {
  const t = useTranslations("ranking");
  const [state, action, pending] = useActionState<TActionResult<unknown> | null, FormData>(reviewRankingAction, null);
  const formRef = useFocusFirstError(state);
  return (
    <form ref={formRef} action={action} className="space-y-1">
      <input type="hidden" name="rankingId" value={rankingId} />
      <Button type="submit" pending={pending}>
        {t("workflow.review")}
      </Button>
      <Outcome state={state} done={t("workflow.reviewDone")} />
    </form>
  );
}

export function PublishButton({ rankingId, enabled }: { rankingId: string; enabled: boolean }) {
  const t = useTranslations("ranking");
  const [state, action, pending] = useActionState<TActionResult<unknown> | null, FormData>(publishRankingAction, null);
  const formRef = useFocusFirstError(state);
  return (
    <form
      ref={formRef}
      action={action}
      className="space-y-1"
      onSubmit={(e) => {
        if (!window.confirm(t("workflow.publishConfirm"))) e.preventDefault();
      }}
    >
      <input type="hidden" name="rankingId" value={rankingId} />
      <Button type="submit" pending={pending} disabled={!enabled} aria-describedby="publish-hint">
        {t("workflow.publish")}
      </Button>
      <p id="publish-hint" className="text-sm text-slate-600">
        {t("workflow.publishHint")}
      </p>
      <Outcome state={state} done={t("workflow.published")} />
    </form>
  );
}
