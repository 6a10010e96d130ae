import { getTranslations } from "next-intl/server";
import { secondaryLinkClass } from "@/components/ui/link-styles";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { RequestStatus, RequestType } from "@/lib/generated/prisma/enums";
import type { TRequestListFilters } from "@/lib/requests/list-filters";

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
      <SelectField
        name="status"
        label={t("filterStatus")}
        defaultValue={filters.status ?? ""}
        placeholder={t("all")}
        options={statuses.map((s) => ({ value: s, label: tRequests(`statuses.${s}`) }))}
      />
      <SelectField
        name="type"
        label={t("filterType")}
        defaultValue={filters.type ?? ""}
        placeholder={t("all")}
        options={Object.values(RequestType).map((v) => ({ value: v, label: tRequests(`types.${v}`) }))}
      />
      <TextField
        name="q"
        label={t("search")}
        defaultValue={filters.q}
        maxLength={64}
        placeholder={t("searchPlaceholder")}
        className="grow"
      />
      <button type="submit" className={secondaryLinkClass}>
        {t("apply")}
      </button>
    </form>
  );
}
