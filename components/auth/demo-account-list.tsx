import { getTranslations } from "next-intl/server";
import type { TDemoAccount } from "@/lib/accounts/queries/list-demo-accounts";

export async function DemoAccountList({ accounts }: { accounts: TDemoAccount[] }) {
  const t = await getTranslations("roles");
  return (
    <ul className="mt-4 divide-y divide-slate-100">
      {accounts.map((a) => (
        <li key={a.account} className="py-3">
          <code className="font-mono text-brand-700">{a.account}</code>
          <span className="ml-2 text-sm text-slate-600">{t(a.role)}</span>
          <div className="text-sm text-slate-500">
            {a.orgName} · {a.name}
          </div>
        </li>
      ))}
    </ul>
  );
}
