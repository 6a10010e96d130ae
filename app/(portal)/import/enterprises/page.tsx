import { getTranslations } from "next-intl/server";
import { Role } from "@/lib/generated/prisma/enums";
import { parkOfOrg } from "@/lib/import/queries/import-context";
import { requirePermission } from "@/lib/server/auth/current-user";
import { db } from "@/lib/server/db";
import { ImportPage } from "../import-page";

export const dynamic = "force-dynamic";

export default async function ImportEnterprisesPage() {
  const user = await requirePermission("enterprises.import");
  const t = await getTranslations("import");
  const own = user.role === Role.PARK_STAFF ? await parkOfOrg(db(), user.orgId) : null;
  return <ImportPage kind="enterprises" note={own ? t("enterprises.introPark", { park: own.name }) : undefined} />;
}
