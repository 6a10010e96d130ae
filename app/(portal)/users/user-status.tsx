import { getTranslations } from "next-intl/server";
import type { TManagedUser } from "@/lib/accounts/queries/list-users";

export async function UserStatus({ user }: { user: TManagedUser }) {
  const t = await getTranslations("users.status");
  const badges = [
    user.active ? { key: "active", tone: "bg-green-50 text-green-800" } : { key: "inactive", tone: "bg-slate-200 text-slate-700" },
    user.locked ? { key: "locked", tone: "bg-red-50 text-red-800" } : null,
    user.mustChangePassword ? { key: "mustChangePassword", tone: "bg-amber-50 text-amber-900" } : null,
    { key: user.totpEnabled ? "totpOn" : "totpOff", tone: "bg-slate-100 text-slate-700" },
  ].filter((b) => b !== null);
  return (
    <span className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <span key={b.key} className={`rounded px-1.5 py-0.5 text-xs ${b.tone}`}>
          {t(b.key)}
        </span>
      ))}
    </span>
  );
}
