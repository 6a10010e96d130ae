import { getTranslations } from "next-intl/server";
import type { TParkChoice } from "@/lib/registry/queries/registry-enterprises";
import { ENTERPRISE_SIZES, ENTERPRISE_TAGS, INDUSTRY_SECTIONS, type TEnterpriseField } from "@/lib/registry/rules";
import type { TFormField } from "../registry-form";

type TValues = Partial<{
  uscc: string;
  name: string;
  parkId: string;
  industrySection: string;
  industryDivision: string | null;
  size: string;
  tags: string[];
  creditRating: string | null;
  contactName: string | null;
  contactMobile: string | null;
}>;

/**
 * The enterprise form's fields (create and edit). Fields the role may not change are
 * shown read-only; the mutation ignores them anyway. `contactMobile` is never sent to
 * the browser in full: the edit form starts empty with the masked number as a hint, and
 * an empty field keeps the number on file.
 */
export async function enterpriseFields(options: {
  editable: readonly TEnterpriseField[];
  parks: TParkChoice[];
  values?: TValues;
  mobileMasked?: string | null;
}): Promise<TFormField[]> {
  const [t, tReg, tEnt] = await Promise.all([
    getTranslations("registry.enterprises"),
    getTranslations("registration"),
    getTranslations("enterprises"),
  ]);
  const v = options.values ?? {};
  const ro = (f: TEnterpriseField) => !options.editable.includes(f);
  const fields: TFormField[] = [
    {
      kind: "text",
      name: "uscc",
      label: t("uscc"),
      hint: ro("uscc") ? undefined : t("usccHint"),
      value: v.uscc,
      maxLength: 24,
      readOnly: ro("uscc"),
    },
    { kind: "text", name: "name", label: t("name"), value: v.name, maxLength: 100, readOnly: ro("name") },
  ];
  if (options.parks.length > 0) {
    fields.push({
      kind: "select",
      name: "parkId",
      label: t("park"),
      placeholder: options.parks.length > 1 ? t("parkPlaceholder") : undefined,
      options: options.parks.map((p) => ({ value: p.id, label: p.name })),
      value: v.parkId ?? (options.parks.length === 1 ? options.parks[0]!.id : ""),
      readOnly: ro("parkId") && options.parks.length > 0 && Boolean(v.parkId),
    });
  }
  fields.push(
    {
      kind: "select",
      name: "industrySection",
      label: t("section"),
      placeholder: t("sectionPlaceholder"),
      options: INDUSTRY_SECTIONS.map((s) => ({ value: s, label: tReg(`sections.${s}`) })),
      value: v.industrySection,
      readOnly: ro("industrySection"),
    },
    {
      kind: "text",
      name: "industryDivision",
      label: t("division"),
      hint: t("divisionHint"),
      value: v.industryDivision,
      maxLength: 2,
      inputMode: "numeric",
      readOnly: ro("industryDivision"),
    },
    {
      kind: "select",
      name: "size",
      label: t("size"),
      placeholder: t("sizePlaceholder"),
      options: ENTERPRISE_SIZES.map((s) => ({ value: s, label: tEnt(`sizes.${s}`) })),
      value: v.size,
      readOnly: ro("size"),
    },
    {
      kind: "checkboxes",
      name: "tags",
      label: t("tags"),
      options: ENTERPRISE_TAGS.map((s) => ({ value: s, label: s })),
      value: v.tags ?? [],
      readOnly: ro("tags"),
    },
    { kind: "text", name: "creditRating", label: t("creditRating"), value: v.creditRating, maxLength: 16, readOnly: ro("creditRating") },
    { kind: "text", name: "contactName", label: t("contactName"), value: v.contactName, maxLength: 32, readOnly: ro("contactName") },
    {
      kind: "text",
      name: "contactMobile",
      label: t("contactMobile"),
      type: "tel",
      inputMode: "tel",
      maxLength: 20,
      value: "",
      hint: options.mobileMasked ?? undefined,
      readOnly: ro("contactMobile"),
    },
  );
  return fields;
}
