import Link from "next/link";
import type { ReactNode } from "react";

// Small pieces the registry pages share (server components).

export const linkClass = "text-brand-700 underline-offset-2 hover:underline";
export const buttonLinkClass = "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700";
export const secondaryLinkClass = "rounded-md bg-white px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50";
export const inputClass =
  "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 focus:border-brand-600 focus:outline-2 focus:outline-brand-600";

export function PageHeader({ title, intro, actions }: { title: string; intro?: string; actions?: ReactNode }) {
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">{title}</h1>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {intro && <p className="text-slate-700">{intro}</p>}
    </>
  );
}

export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className={`text-sm ${linkClass}`}>
      {label}
    </Link>
  );
}

export function Badge({ tone, children }: { tone: "ok" | "muted" | "warn"; children: ReactNode }) {
  const colors = { ok: "bg-green-50 text-green-800 ring-green-200", muted: "bg-slate-100 text-slate-700 ring-slate-200", warn: "bg-amber-50 text-amber-900 ring-amber-300" };
  return <span className={`inline-block rounded px-2 py-0.5 text-xs ring-1 ${colors[tone]}`}>{children}</span>;
}

/** A labelled filter <select> for a GET search form (uncontrolled: the page reloads). */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string | null;
  options: ReadonlyArray<{ value: string; label: string }>;
  anyLabel?: string;
}) {
  return (
    <label className="block text-sm font-medium text-slate-700">
      {label}
      <select name={name} defaultValue={value ?? ""} className={inputClass}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function KeywordInput({ label, value }: { label: string; value: string }) {
  return (
    <label className="block grow text-sm font-medium text-slate-700">
      {label}
      <input name="q" type="search" defaultValue={value} maxLength={64} className={inputClass} />
    </label>
  );
}

export function Panel({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <section className="space-y-3">
      <h2 className="text-lg font-medium">{title}</h2>
      {hint && <p className="text-sm text-slate-600">{hint}</p>}
      {children}
    </section>
  );
}

export { Table } from "@/components/ui/table";

export const cell = "px-3 py-2 align-top";
