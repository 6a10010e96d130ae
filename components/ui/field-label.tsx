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
      {required && <RequiredMark title={t("form.requiredMark")} />}
    </div>
  );
}

/** The visible "*" of a required field or group (a radio group's legend), hidden from screen readers. */
export function RequiredMark({ title }: { title: string }) {
  return (
    <span aria-hidden="true" title={title} className="ml-0.5 text-red-700">
      *
    </span>
  );
}
