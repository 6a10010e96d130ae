import { getTranslations } from "next-intl/server";
import { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { TRequestListFilters } from "@/lib/requests/list-filters";

const inputClass = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600";

// A GET form: the filters live in the URL, so a filtered list can be bookmarked and the
// pagination links keep them. Drafts are only ever the enterprise's own.
export async function RequestFilters({ filters, showDrafts }: { filters: TRequestListFilters; showDrafts: boolean }) {
  const [t, tRequests] = await Promise.all([getTranslations("requestForm.list"), getTranslations("requests")]);
  const statuses = Object.values(RequestStatus).filter((s) => showDrafts || s !== RequestStatus.DRAFT);
  return (
    <form method="get" role="search" className="flex flex-wrap items-end gap-3" data-testid="request-filters">
      {/* A list narrowed by a dashboard link stays narrowed while the user filters it further. */}
      {filters.bank && <input type="hidden" name="bank" value={filters.bank} />}
      {filters.park && <input type="hidden" name="park" value={filters.park} />}
      {filters.overdue && <input type="hidden" name="overdue" value="1" />}
      <label className="block text-sm font-medium text-slate-700">
        {t("filterStatus")}
        <select name="status" defaultValue={filters.status ?? ""} className={inputClass}>
          <option value="">{t("all")}</option>
          {statuses.map((s) => <option key={s} value={s}>{tRequests(`statuses.${s}`)}</option>)}
        </select>
      </label>
      <label className="block text-sm font-medium text-slate-700">
        {t("filterType")}
        <select name="type" defaultValue={filters.type ?? ""} className={inputClass}>
          <option value="">{t("all")}</option>
          {Object.values(RequestType).map((v) => <option key={v} value={v}>{tRequests(`types.${v}`)}</option>)}
        </select>
      </label>
      <label className="block grow text-sm font-medium text-slate-700">
        {t("search")}
        <input name="q" defaultValue={filters.q} maxLength={64} placeholder={t("searchPlaceholder")} className={inputClass} />
      </label>
      <button type="submit" className="rounded-md bg-white px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
        {t("apply")}
      </button>
    </form>
  );
}
