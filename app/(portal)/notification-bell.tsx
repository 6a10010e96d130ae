import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { unreadCount } from "@/lib/notifications/queries/list-notifications";
import { db } from "@/lib/server/db";

// The header's link to the notification centre with the number of unread notifications
// of the signed-in user (pass the user's id from the page's own auth check).
export async function NotificationBell({ userId }: { userId: string }) {
  const [t, count] = await Promise.all([getTranslations("notifications"), unreadCount(db(), userId)]);
  const label = count > 0 ? t("bellLabel", { count }) : t("bellLabelNone");
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex items-center rounded px-2 py-1 text-slate-700 hover:bg-slate-100"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.8">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 8 3 8H3s3-1 3-8" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" />
      </svg>
      {count > 0 && (
        <span className="ml-1 min-w-5 rounded-full bg-red-600 px-1.5 text-center text-xs font-semibold leading-5 text-white">
          {count > 99 ? "99+" : count}
        </span>
      )}
    </Link>
  );
}
