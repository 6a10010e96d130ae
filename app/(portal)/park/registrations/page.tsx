import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { HELD_REGISTRATIONS_DAYS, listHeldRegistrations, type THeldRegistration } from "@/lib/registry/queries/list-held-registrations";
import { listPendingRegistrations } from "@/lib/registry/queries/list-pending-registrations";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ReviewActions } from "./review-actions";

export const dynamic = "force-dynamic";

// The park window's queue of self-registered enterprises: its own park only (the query
// scopes by Park.orgId = the user's organization), contact mobiles masked.
export default async function RegistrationReviewPage() {
  const user = await requirePermission("registrations.review");
  const [t, format, pending, held] = await Promise.all([
    getTranslations("registration"),
    getFormatter(),
    listPendingRegistrations(db(), user),
    listHeldRegistrations(db(), user),
  ]);
  return (
    <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
      <PageHeader title={t("review.title")} intro={t("review.intro")} />
      {pending.length === 0 ? (
        <EmptyState title={t("review.emptyTitle")} body={t("review.emptyBody")} />
      ) : (
        <ul aria-label={t("review.tableCaption")} className="space-y-4">
          {pending.map((r) => (
            <li key={r.enterpriseId}>
              <article aria-labelledby={`reg-${r.enterpriseId}`} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <h2 id={`reg-${r.enterpriseId}`} className="text-lg font-medium">
                  {r.name}
                </h2>
                <dl className="mt-3 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
                  <Item label={t("review.colUscc")} value={<span className="font-mono">{r.uscc}</span>} />
                  <Item label={t("review.colIndustry")} value={sectionLabel(t, r.industrySection)} />
                  <Item label={t("review.colSize")} value={t(`sizes.${r.size}`)} />
                  <Item
                    label={t("review.colContact")}
                    value={
                      <>
                        {r.contactName ?? "—"} <span className="tabular-nums">{r.contactMobileMasked ?? ""}</span>
                        {r.ownerAccount && <span className="block text-slate-500">{t("review.account", { account: r.ownerAccount })}</span>}
                      </>
                    }
                  />
                  <Item
                    label={t("review.colSubmitted")}
                    value={
                      <time dateTime={r.submittedAt.toISOString()}>
                        {format.dateTime(r.submittedAt, { year: "numeric", month: "long", day: "numeric" })}
                      </time>
                    }
                  />
                </dl>
                <div className="mt-4 border-t border-slate-100 pt-4">
                  <ReviewActions enterpriseId={r.enterpriseId} name={r.name} />
                </div>
              </article>
            </li>
          ))}
        </ul>
      )}
      {held.length > 0 && (
        <HeldApplications held={held} t={t} formatDate={(d) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric" })} />
      )}
    </main>
  );
}

// Applications whose USCC or mobile is registered already: the visitor was told only
// "submitted", so this list is where the window learns of them.
function HeldApplications({
  held,
  t,
  formatDate,
}: {
  held: THeldRegistration[];
  t: (key: string, values?: Record<string, string | number>) => string;
  formatDate: (d: Date) => string;
}) {
  return (
    <section aria-labelledby="held-registrations" className="space-y-3">
      <h2 id="held-registrations" className="text-lg font-medium">
        {t("review.heldTitle")}
      </h2>
      <p className="text-sm text-slate-600">{t("review.heldIntro", { days: HELD_REGISTRATIONS_DAYS })}</p>
      <ul className="space-y-3">
        {held.map((r) => (
          <li key={r.auditId} className="rounded-lg bg-amber-50 p-4 text-sm ring-1 ring-amber-200">
            <p className="font-medium text-slate-900">{r.name}</p>
            <dl className="mt-2 grid gap-x-6 gap-y-2 sm:grid-cols-3">
              <Item label={t("review.colUscc")} value={<span className="font-mono">{r.uscc}</span>} />
              <Item
                label={t("review.colContact")}
                value={
                  <>
                    {r.contactName} <span className="tabular-nums">{r.contactMobileMasked ?? ""}</span>
                    <span className="block text-slate-500">{t("review.account", { account: r.account })}</span>
                  </>
                }
              />
              <Item
                label={t("review.colSubmitted")}
                value={<time dateTime={r.submittedAt.toISOString()}>{formatDate(r.submittedAt)}</time>}
              />
            </dl>
            <p className="mt-2 text-amber-900">
              {t("review.heldConflicts", { fields: r.conflicts.map((c) => t(`review.heldConflict.${c}`)).join("、") })}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Item({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{value}</dd>
    </div>
  );
}

// Sections outside A–T (bad data) show their code rather than break the page.
function sectionLabel(t: (key: string) => string, code: string): string {
  return /^[A-T]$/.test(code) ? t(`sections.${code}`) : code;
}
