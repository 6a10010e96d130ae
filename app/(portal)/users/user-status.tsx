import { getTranslations } from "next-intl/server";
import { Badge, type TBadgeTone } from "@/components/ui/badge";
import type { TManagedUser } from "@/lib/accounts/queries/list-manageable-users";

export async function UserStatus({ user }: { user: TManagedUser }) {
  const t = await getTranslations("users.status");
  const badges: Array<{ key: string; tone: TBadgeTone } | null> = [
    user.active ? { key: "active", tone: "ok" } : { key: "inactive", tone: "muted" },
    user.locked ? { key: "locked", tone: "danger" } : null,
    user.mustChangePassword ? { key: "mustChangePassword", tone: "warn" } : null,
    { key: user.totpEnabled ? "totpOn" : "totpOff", tone: "muted" },
  ];
  return (
    <span className="flex flex-wrap gap-1">
      {badges
        .filter((b) => b !== null)
        .map((b) => (
          <Badge key={b.key} tone={b.tone}>
            {t(b.key)}
          </Badge>
        ))}
    </span>
  );
}
