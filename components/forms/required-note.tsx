import { useTranslations } from "next-intl";

/** "带 * 的为必填项": the one explanation of the mark FieldLabel puts on required fields, once per form. */
export function RequiredNote() {
  const t = useTranslations("errors");
  return (
    <p className="text-xs text-slate-600">
      <span aria-hidden="true" className="text-red-700">
        *{" "}
      </span>
      {t("form.requiredNote")}
    </p>
  );
}
