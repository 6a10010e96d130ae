import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { canActor } from "@/lib/auth/permissions";
import { loadComplianceGaps } from "@/lib/pairings/queries/load-compliance-gaps";
import { loadPairingFormOptions } from "@/lib/pairings/queries/load-pairing-form-options";
import { loadPairingContext } from "@/lib/pairings/queries/load-pairing-context";
import { getPairingProgram } from "@/lib/pairings/queries/get-pairing-program";
import { listOneOnOnePairings, listParkPairings } from "@/lib/pairings/queries/list-park-pairings";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ChangeForm, EndPairingButton } from "./change-forms";

export const dynamic = "force-dynamic";

export default async function PairingsPage() {
  const user = await requirePermission("pairings.read");
  const t = await getTranslations("pairings");
  const now = new Date();
  const program = await getPairingProgram(db(), now);

  if (!program) {
    return (
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-8">
        <PageHeader title={t("title")} />
        <EmptyState title={t("noProgramTitle")} body={t("noProgramBody")} />
      </main>
    );
  }

  const ctx = await loadPairingContext(db(), user);
  const period = { programId: program.id, year: program.year };
  const [parks, oneOnOne, options, gaps] = await Promise.all([
    listParkPairings(db(), user, ctx, program),
    listOneOnOnePairings(db(), user, ctx, program),
    loadPairingFormOptions(db(), user, ctx),
    loadComplianceGaps(db(), user, period),
  ]);
  const manageParks = canActor(user, "pairings.manage");
  const manageOneOnOne = options.oneOnOneBanks.length > 0;
  const mayChangeLocked = canActor(user, "pairings.changeLocked");
  const locked = program.locked;

  return (
    <main id="main" className="mx-auto max-w-6xl space-y-8 px-4 py-8 sm:px-8">
      <PageHeader title={t("title")} intro={t("programLine", { name: program.name, year: program.year })} />

      {locked && (
        <div role="note" data-testid="pairings-locked" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900">
          <p className="font-medium">{t("errors.pairingsLocked")}</p>
          {mayChangeLocked && <p className="mt-1 text-sm">{t("lockedAdminHint")}</p>}
        </div>
      )}

      <section aria-labelledby="parks-heading" className="space-y-3">
        <h2 id="parks-heading" className="text-xl font-semibold">
          {t("parks.title")}
        </h2>
        {parks.length === 0 ? (
          <EmptyState title={t("parks.emptyTitle")} body={t("parks.emptyBody")} />
        ) : (
          <DataTable
            caption={t("parks.title")}
            rows={parks}
            rowKey={(p) => p.parkId}
            rowTestId={(p) => `park-row-${p.parkId}`}
            columns={[
              { key: "park", header: t("parks.park"), rowHeader: true, className: "text-slate-900", cell: (p) => p.parkName },
              {
                key: "mainBank",
                header: t("parks.mainBank"),
                cell: (p) => (
                  <span data-testid="main-bank">
                    {p.main ? p.main.bankName : <span className="text-red-700">{t("parks.noMainBank")}</span>}
                  </span>
                ),
              },
              {
                key: "participating",
                header: t("parks.participating"),
                cell: (p) =>
                  p.participating.length === 0 ? (
                    <span className="text-slate-500">{t("parks.none")}</span>
                  ) : (
                    <ul className="space-y-2">
                      {p.participating.map((b) => (
                        <li key={b.pairingId} data-testid={`participating-${b.pairingId}`} className="space-y-1">
                          <span>{b.bankName}</span>
                          {manageParks && (
                            <EndPairingButton
                              name="removeParticipating"
                              pairingId={b.pairingId}
                              label={`${p.parkName} ${b.bankName}`}
                              locked={locked}
                            />
                          )}
                        </li>
                      ))}
                    </ul>
                  ),
              },
            ]}
          />
        )}
        {manageParks && (
          <div className="grid gap-4 lg:grid-cols-2">
            <ChangeForm
              name="setMain"
              locked={locked}
              fields={[
                { kind: "select", name: "parkId", label: t("fields.park"), options: options.parks },
                { kind: "select", name: "bankOrgId", label: t("fields.bank"), options: options.banks },
              ]}
            />
            <ChangeForm
              name="addParticipating"
              locked={locked}
              fields={[
                { kind: "select", name: "parkId", label: t("fields.park"), options: options.parks },
                { kind: "select", name: "bankOrgId", label: t("fields.bank"), options: options.banks },
              ]}
            />
          </div>
        )}
      </section>

      <section aria-labelledby="one-on-one-heading" className="space-y-3">
        <h2 id="one-on-one-heading" className="text-xl font-semibold">
          {t("oneOnOne.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("oneOnOne.intro")}</p>
        {oneOnOne.length === 0 ? (
          <EmptyState title={t("oneOnOne.emptyTitle")} body={t("oneOnOne.emptyBody")} />
        ) : (
          <DataTable
            caption={t("oneOnOne.title")}
            rows={oneOnOne}
            rowKey={(r) => r.id}
            rowTestId={(r) => `one-on-one-${r.id}`}
            columns={[
              {
                key: "bank",
                header: t("oneOnOne.bank"),
                cell: (r) => (
                  <>
                    <div>{r.bankName}</div>
                    {r.parentBankName && <div className="text-xs text-slate-500">{r.parentBankName}</div>}
                  </>
                ),
              },
              {
                key: "enterprise",
                header: t("oneOnOne.enterprise"),
                rowHeader: true,
                className: "text-slate-900",
                cell: (r) => r.enterpriseName,
              },
              { key: "park", header: t("oneOnOne.park"), cell: (r) => r.parkName },
              { key: "accountManager", header: t("oneOnOne.accountManager"), cell: (r) => r.accountManagerName },
              {
                key: "mobile",
                header: t("oneOnOne.mobile"),
                className: "font-mono",
                cell: (r) => <span data-testid="account-manager-mobile">{r.accountManagerMobileMasked ?? "—"}</span>,
              },
              manageOneOnOne && {
                key: "actions",
                header: t("oneOnOne.actions"),
                headerHidden: true,
                cell: (r) => (
                  <EndPairingButton name="endOneOnOne" pairingId={r.id} label={`${r.bankName} ${r.enterpriseName}`} locked={locked} />
                ),
              },
            ]}
          />
        )}
        {manageOneOnOne && (
          <ChangeForm
            name="addOneOnOne"
            locked={locked}
            fields={[
              { kind: "select", name: "bankOrgId", label: t("fields.branch"), options: options.oneOnOneBanks },
              { kind: "select", name: "enterpriseId", label: t("fields.enterprise"), options: options.enterprises },
              { kind: "text", name: "accountManagerName", label: t("fields.accountManagerName") },
              { kind: "text", name: "accountManagerMobile", label: t("fields.accountManagerMobile"), inputMode: "tel" },
            ]}
          />
        )}
      </section>

      {gaps && (
        <section aria-labelledby="compliance-heading" className="space-y-3" data-testid="compliance">
          <h2 id="compliance-heading" className="text-xl font-semibold">
            {t("compliance.title")}
          </h2>
          <div className="grid gap-4 lg:grid-cols-2">
            <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h3 className="font-medium">{t("compliance.parksWithoutMain", { count: gaps.parksWithoutMainBank.length })}</h3>
              {gaps.parksWithoutMainBank.length === 0 ? (
                <p className="mt-2 text-sm text-green-800">{t("compliance.allParksHaveMain")}</p>
              ) : (
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {gaps.parksWithoutMainBank.map((p) => (
                    <li key={p.parkId}>{p.name}</li>
                  ))}
                </ul>
              )}
            </div>
            <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h3 className="font-medium">{t("compliance.banksWithoutOneOnOne", { count: gaps.banksWithoutOneOnOne.length })}</h3>
              {gaps.banksWithoutOneOnOne.length === 0 ? (
                <p className="mt-2 text-sm text-green-800">{t("compliance.allBanksHaveOneOnOne")}</p>
              ) : (
                <ul className="mt-2 list-disc pl-5 text-sm">
                  {gaps.banksWithoutOneOnOne.map((b) => (
                    <li key={b.orgId}>
                      {b.name}{" "}
                      <span className="text-slate-500">
                        （{t(`bankLevels.${b.bankLevel}`)}
                        {b.parentName ? ` · ${b.parentName}` : ""}）
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </section>
      )}
    </main>
  );
}
