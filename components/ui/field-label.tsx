import { useTranslations } from "next-intl";

/**
 * A field's label; a required field's is followed by a visible "*" (explained once per
 * form by RequiredNote). Screen readers hear "required" from the control's aria-required
 * instead of the star, which is hidden from them and kept outside the <label> so the
 * label's text stays the field's name.
 */
export function FieldLabel({ htmlFor, label, required }: { htmlFor: string; label: string; required?: boolean }) {
  const t = useTranslations("errors");
  return (
    <div className="text-sm font-medium text-slate-700">
      <label htmlFor={htmlFor}>{label}</label>
      {required && (
        <span aria-hidden="true" title={t("form.requiredMark")} className="ml-0.5 text-red-700">
          *
        </span>
      )}
    </div>
  );
}
