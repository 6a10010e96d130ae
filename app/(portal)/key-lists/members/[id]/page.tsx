import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { BackLink } from "@/components/ui/back-link";
import { DataTable } from "@/components/ui/data-table";
import { DetailList } from "@/components/ui/detail-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { formatDate, formatWanYuan } from "@/lib/i18n/format";
import { resolveLocale } from "@/lib/i18n/locales";
import { isUuid } from "@/lib/ids";
import { getKeyListMember, type TKeyMemberDetail } from "@/lib/key-lists/queries/get-key-list-member";
import { listKeyListBanks } from "@/lib/key-lists/queries/list-key-list-banks";
import { keyListStepAllowed } from "@/lib/key-lists/rules";

import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { OUTCOME_TONE } from "../../status-tone";
import { ContactForm } from "./contact-form";
import { ReassignForm } from "./reassign-form";

export const dynamic = "force-dynamic";

type TContact = TKeyMemberDetail["contacts"][number];

// One enterprise on a list: the bank it is assigned to, its current state and every
// contact recorded; the bank records a new contact here, the finance office moves it.
export default async function KeyMemberPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("keyLists.read");
  const { id } = await params;
  const member = isUuid(id) ? await getKeyListMember(db(), user, id) : null;
  if (!member) notFound();
  const [t, locale] = await Promise.all([getTranslations("keyLists"), getLocale().then(resolveLocale)]);
  const mayContact = member.ownBank && can(user.role, "keyLists.contact") && keyListStepAllowed("contact", member.list.status);
  const mayReassign = can(user.role, "keyLists.manage") && keyListStepAllowed("reassign", member.list.status);
  const banks = mayReassign ? await listKeyListBanks(db()) : [];
  const rows: [string, ReactNode][] = [
    [t("columns.uscc"), member.uscc],
    [t("columns.park"), member.parkName],
    [
      t("columns.bank"),
      <span key="bank" data-testid="key-member-bank">
        {member.bankName ?? t("unassigned")}
      </span>,
    ],
    [
      t("columns.outcome"),
      member.lastOutcome ? (
        <Badge key="outcome" tone={OUTCOME_TONE[member.lastOutcome]} testId="key-member-outcome">
          {t(`outcomes.${member.lastOutcome}`)}
        </Badge>
      ) : (
        <span key="outcome" data-testid="key-member-outcome">
          {t("notContacted")}
        </span>
      ),
    ],
    [t("columns.lastContact"), member.lastContactedOn ? formatDate(member.lastContactedOn, locale) : "—"],
  ];
  const amount = (fen: bigint | null) => (fen === null ? "—" : t("wanYuan", { amount: formatWanYuan(fen, locale) }));
  return (
    <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:px-8">
      <BackLink href={`/key-lists/${member.list.id}`} label={member.list.name} />
      <PageHeader title={member.enterpriseName} intro={t("memberIntro", { list: member.list.name, year: member.list.year })} />
      <DetailList rows={rows} />
      {mayContact && <ContactForm memberId={member.id} />}
      {mayReassign && <ReassignForm memberId={member.id} banks={banks} current={member.bankOrgId} />}
      <section aria-labelledby="contacts-title" className="space-y-3">
        <h2 id="contacts-title" className="text-lg font-medium">
          {t("contactsTitle", { count: member.contactCount })}
        </h2>
        {member.contacts.length === 0 ? (
          <EmptyState title={t("noContactsTitle")} body={t("noContactsBody")} />
        ) : (
          <DataTable<TContact>
            caption={t("contactsTitle", { count: member.contactCount })}
            testId="key-member-contacts"
            rows={member.contacts}
            rowKey={(c) => c.id}
            columns={[
              { key: "day", header: t("contact.contactedOn"), rowHeader: true, cell: (c) => formatDate(c.contactedOn, locale) },
              { key: "way", header: t("contact.way"), onCard: true, cell: (c) => t(`ways.${c.way}`) },
              {
                key: "outcome",
                header: t("contact.outcome"),
                onCard: true,
                cell: (c) => <Badge tone={OUTCOME_TONE[c.outcome]}>{t(`outcomes.${c.outcome}`)}</Badge>,
              },
              { key: "need", header: t("contact.need"), onCard: true, cell: (c) => c.need ?? "—" },
              { key: "needAmount", header: t("contact.needAmount"), numeric: true, onCard: true, cell: (c) => amount(c.needAmountFen) },
              { key: "credit", header: t("contact.creditAmount"), numeric: true, onCard: true, cell: (c) => amount(c.creditAmountFen) },
              { key: "bank", header: t("columns.bank"), onCard: true, cell: (c) => c.bankName },
            ]}
          />
        )}
      </section>
    </main>
  );
}
