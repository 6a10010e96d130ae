import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { can } from "@/lib/auth/permissions";
import { nextYearMissing } from "@/lib/calendar/next-year-missing";
import { loadWorkingCalendar } from "@/lib/calendar/queries/load-working-calendar";
import { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";

/** Whether the user works in the finance office pages that must see the warning. */
export function showsCalendarWarning(role: Role): boolean {
  return role === Role.FINANCE_STAFF || can(role, "calendar.manage");
}

/**
 * The loud banner under the header of every finance office page from 1 November
 * (Asia/Shanghai) until next year's holiday schedule is published — or while the current
 * year's is missing. Administrators get a link to /calendar.
 */
export async function MissingCalendarWarning({ user, now = new Date() }: { user: Pick<TSessionUser, "role">; now?: Date }) {
  if (!showsCalendarWarning(user.role)) return null;
  const year = nextYearMissing(now, (await loadWorkingCalendar(db())).publishedYears);
  if (year === null) return null;
  const t = await getTranslations("calendar.missingWarning");
  return (
    <section
      aria-labelledby="missing-calendar-warning-title"
      data-testid="missing-calendar-warning"
      className="border-b-4 border-red-700 bg-red-50"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-8">
        <p className="text-red-900">
          <strong id="missing-calendar-warning-title" className="block font-semibold">
            <span aria-hidden="true">⚠ </span>
            {t("title", { year })}
          </strong>
          <span className="block">{t("body", { year })}</span>
        </p>
        {can(user.role, "calendar.manage") && (
          <Link href={`/calendar?year=${year}`} className="rounded-md bg-red-700 px-3 py-2 font-medium text-white hover:bg-red-800">
            {t("link", { year })}
          </Link>
        )}
      </div>
    </section>
  );
}
