import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { PageHeader } from "@/components/ui/page-header";
import { secondaryLinkClass } from "@/components/ui/link-styles";
import { formatDateTime } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { listNotifications } from "@/lib/notifications/queries/list-notifications";
import { renderNotification } from "@/lib/notifications/render";
import { asFormAction } from "@/lib/server/action";
import { requireUser } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { markNotificationsReadAction } from "./actions";

export const dynamic = "force-dynamic";

type TSearchParams = Promise<{ page?: string | string[] }>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// Only in-app paths: a stored link is never followed off the portal.
const safeLink = (link: string | null) => (link && link.startsWith("/") && !link.startsWith("//") ? link : null);

export default async function NotificationsPage({ searchParams }: { searchParams: TSearchParams }) {
  const user = await requireUser();
  const params = await searchParams;
  const [t, localeName] = await Promise.all([getTranslations("notifications"), getLocale()]);
  const locale = resolveLocale(localeName);
  const list = await listNotifications(db(), user.userId, { page: Number(first(params.page) ?? 1) });
  const markRead = asFormAction(markNotificationsReadAction);

  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader
        title={t("title")}
        intro={t("intro")}
        actions={
          list.unread > 0 && (
            <form action={markRead}>
              <input type="hidden" name="all" value="1" />
              <button type="submit" className={secondaryLinkClass}>
                {t("markAllRead")}
              </button>
            </form>
          )
        }
      />
      {list.total > 0 && <p className="text-sm text-slate-600">{t("unreadCount", { count: list.unread })}</p>}

      {list.rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} body={t("empty")} />
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {list.rows.map((n) => {
            const text = renderNotification(n.kind, n.params, locale) ?? { title: n.title, body: n.body ?? "" };
            const link = safeLink(n.link);
            const unread = n.readAt === null;
            return (
              <li
                key={n.id}
                data-testid="notification"
                data-unread={unread}
                className={`flex flex-wrap items-start gap-3 px-4 py-3 ${unread ? "bg-brand-50" : ""}`}
              >
                <div className="min-w-0 grow">
                  <p className={unread ? "font-semibold text-slate-900" : "text-slate-800"}>
                    {unread && <span className="mr-2 rounded bg-red-600 px-1.5 py-0.5 text-xs font-medium text-white">{t("unread")}</span>}
                    {text.title}
                  </p>
                  {text.body && <p className="mt-1 text-sm text-slate-700">{text.body}</p>}
                  <p className="mt-1 text-xs text-slate-600">
                    {t("receivedAt")} <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, locale)}</time>
                    {!unread && <span className="ml-2">· {t("read")}</span>}
                  </p>
                </div>
                <div className="flex items-center gap-3 text-sm">
                  {link && (
                    <Link href={link} className="text-brand-700 underline-offset-2 hover:underline">
                      {t("open")}
                      <span className="sr-only"> {text.title}</span>
                    </Link>
                  )}
                  {unread && (
                    <form action={markRead}>
                      <input type="hidden" name="id" value={n.id} />
                      <button type="submit" className="text-slate-700 underline-offset-2 hover:underline">
                        {t("markRead")}
                        <span className="sr-only"> {text.title}</span>
                      </button>
                    </form>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {list.pages > 1 && (
        <Pagination
          page={list.page}
          pages={list.pages}
          hrefFor={(p) => `/notifications?page=${p}`}
          labels={{
            nav: t("pageNav"),
            summary: t("pageSummary", { page: list.page, pages: list.pages, total: list.total }),
            previous: t("previous"),
            next: t("next"),
          }}
        />
      )}
    </main>
  );
}
