import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { PublicFrame } from "../_components/public-frame";
import { getDirectory, type TDirectoryBank, type TDirectoryPark } from "@/lib/directory/queries/get-directory";
import { db } from "@/lib/server/db";
import { Badge } from "@/components/ui/badge";

// Public: no session is read or needed. The language comes from the cookie, so the page
// renders per request, and so does its data: no cache across requests, because a cache
// kept by one app server goes stale on the others (a pairing changed through one server
// must show on all of them at once). The read is small and fixed in size: the parks, their
// pairings and the banks' contacts, a few dozen rows whatever the number of enterprises
// (each of its five queries runs in under a millisecond on the 100,000-enterprise city).
export const dynamic = "force-dynamic";

type T = Awaited<ReturnType<typeof getTranslations<"directory">>>;

/** Digits (and -, +) only, for a tel: link. */
const telHref = (phone: string) => `tel:${phone.replace(/[^\d+]/g, "")}`;

function Phone({ value }: { value: string }) {
  return (
    <a href={telHref(value)} className="whitespace-nowrap font-medium tabular-nums text-brand-700 underline-offset-4 hover:underline">
      {value}
    </a>
  );
}

export default async function DirectoryPage() {
  const [t, directory] = await Promise.all([getTranslations("directory"), getDirectory(db())]);
  return (
    <PublicFrame>
      <main id="main" className="mx-auto w-full max-w-5xl flex-1 space-y-6 px-4 py-8 leading-relaxed sm:px-8">
        <div id="top" className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-wide">{t("title")}</h1>
          <p className="text-slate-700">{directory.year === null ? t("subtitleNoYear") : t("subtitle", { year: directory.year })}</p>
          {directory.programs.length > 0 && (
            <p className="text-sm text-slate-600">{t("programs", { names: directory.programs.join("；") })}</p>
          )}
          <p className="max-w-prose text-slate-700">{t("intro")}</p>
          <p className="max-w-prose text-sm text-slate-600">{t("published")}</p>
        </div>

        {directory.parks.length === 0 ? (
          <EmptyState title={t("emptyTitle")} body={t("emptyBody")} />
        ) : (
          <>
            <nav aria-label={t("jump")} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <p className="text-sm font-medium text-slate-700">
                {t("jump")} · {t("parksCount", { count: directory.parks.length })}
              </p>
              <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {directory.parks.map((p) => (
                  <li key={p.id}>
                    <a href={`#park-${p.code}`} className="text-brand-700 underline-offset-4 hover:underline">
                      {p.shortName ?? p.name}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
            <ol className="space-y-6">
              {directory.parks.map((park) => (
                <ParkCard key={park.id} park={park} t={t} />
              ))}
            </ol>
          </>
        )}
        <p className="text-xs text-slate-500">{t("updated")}</p>
      </main>
    </PublicFrame>
  );
}

function ParkCard({ park, t }: { park: TDirectoryPark; t: T }) {
  return (
    <li id={`park-${park.code}`} className="scroll-mt-4">
      <article aria-labelledby={`park-${park.code}-name`} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <div className="space-y-2 border-b border-slate-100 p-4 sm:p-6">
          <h2 id={`park-${park.code}-name`} className="text-lg font-semibold">
            {park.name}
          </h2>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm text-slate-700 sm:grid-cols-2">
            {park.district && (
              <div className="flex gap-2">
                <dt className="shrink-0 text-slate-500">{t("district")}</dt>
                <dd>{park.district}</dd>
              </div>
            )}
            {park.address && (
              <div className="flex gap-2">
                <dt className="shrink-0 text-slate-500">{t("address")}</dt>
                <dd>{park.address}</dd>
              </div>
            )}
          </dl>
          <div className="rounded-md bg-brand-50 px-3 py-2">
            <p className="text-sm text-slate-600">{t("window")}</p>
            <p className="font-medium text-slate-900">{park.windowName ?? t("noWindow")}</p>
            {park.windowPhone && (
              <p className="text-sm">
                <span className="text-slate-600">{t("windowPhone")}：</span>
                <Phone value={park.windowPhone} />
              </p>
            )}
          </div>
        </div>
        {park.banks.length === 0 ? (
          <p className="p-4 text-sm text-slate-600 sm:p-6">{t("noBanks")}</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {park.banks.map((bank) => (
              <BankRow key={bank.orgId} bank={bank} t={t} />
            ))}
          </ul>
        )}
      </article>
    </li>
  );
}

function BankRow({ bank, t }: { bank: TDirectoryBank; t: T }) {
  const c = bank.contact;
  const main = bank.role === "MAIN";
  return (
    <li className="space-y-1 p-4 sm:px-6">
      <p className="flex flex-wrap items-baseline gap-x-2">
        <Badge tone={main ? "brand" : "muted"}>{main ? t("main") : t("participating")}</Badge>
        <span className="font-medium text-slate-900">{bank.name}</span>
      </p>
      {c ? (
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
          <div className="flex gap-2">
            <dt className="shrink-0 text-slate-500">{t("liaison")}</dt>
            <dd className="text-slate-900">{c.liaisonName}</dd>
          </div>
          <div className="flex gap-2">
            <dt className="shrink-0 text-slate-500">{t("department")}</dt>
            <dd className="text-slate-900">{c.department}</dd>
          </div>
          {c.liaisonMobile && (
            <div className="flex gap-2">
              <dt className="shrink-0 text-slate-500">{t("mobile")}</dt>
              <dd>
                <Phone value={c.liaisonMobile} />
              </dd>
            </div>
          )}
          {c.liaisonPhone && (
            <div className="flex gap-2">
              <dt className="shrink-0 text-slate-500">{t("phone")}</dt>
              <dd>
                <Phone value={c.liaisonPhone} />
              </dd>
            </div>
          )}
        </dl>
      ) : (
        <p className="text-sm text-slate-600">{t("noContact")}</p>
      )}
      {c && (
        <p className="text-xs text-slate-500">
          {t("effectiveOn", { date: c.effectiveOn })}
          {c.fromBankName && ` · ${t("fromParent", { bank: c.fromBankName })}`}
        </p>
      )}
    </li>
  );
}
