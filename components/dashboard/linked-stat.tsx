import Link from "next/link";

// A dashboard figure that is also the way to the list behind it (every number links).
// The label is part of the link text, so a screen reader hears what the number counts.
export function LinkedStat({
  label,
  value,
  href,
  note,
  tone = "plain",
}: {
  label: string;
  value: string;
  href: string;
  note?: string;
  tone?: "plain" | "red" | "yellow";
}) {
  const ring = tone === "red" ? "ring-red-300 bg-red-50" : tone === "yellow" ? "ring-amber-300 bg-amber-50" : "ring-slate-200 bg-white";
  return (
    <div className={`rounded-lg p-4 shadow-sm ring-1 ${ring}`}>
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1">
        <Link href={href} className="text-2xl font-semibold tabular-nums text-brand-700 underline-offset-4 hover:underline">
          {value}
          <span className="sr-only"> {label}</span>
        </Link>
        {note && <p className="mt-1 text-xs text-slate-600">{note}</p>}
      </dd>
    </div>
  );
}
