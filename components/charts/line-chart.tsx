import { DataTable, type TColumn } from "@/components/ui/data-table";

// A small line chart as inline SVG (presentational, no client JavaScript). Accessible:
// the SVG has a title and description, and the same numbers follow as a table (inside
// <details>), which is also what a screen reader or a printout without graphics uses.

export type TLineSeries = { name: string; values: Array<number | null>; highlight?: boolean };

type Props = {
  title: string;
  description: string;
  tableCaption: string;
  xLabels: string[];
  series: TLineSeries[];
  yMin: number;
  yMax: number;
  /** Rank charts: 1 at the top. */
  invertY?: boolean;
  format?: (value: number) => string;
};

const COLORS = ["#1d4ed8", "#b91c1c", "#047857", "#a16207", "#7c3aed", "#0e7490", "#be185d", "#4d7c0f", "#c2410c", "#334155"];
const W = 640;
const H = 260;
const M = { top: 16, right: 16, bottom: 32, left: 44 };

export function LineChart({ title, description, tableCaption, xLabels, series, yMin, yMax, invertY = false, format = String }: Props) {
  const id = title.replace(/\s+/g, "-");
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const span = yMax - yMin || 1;
  const x = (i: number) => M.left + (xLabels.length <= 1 ? plotW / 2 : (i * plotW) / (xLabels.length - 1));
  const y = (v: number) => M.top + (invertY ? (v - yMin) / span : (yMax - v) / span) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => yMin + f * span);
  return (
    <figure className="space-y-2 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <figcaption className="font-medium">{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t ${id}-d`} className="h-auto w-full max-w-3xl">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{description}</desc>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} stroke="#e2e8f0" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize="11" fill="#475569">
              {format(Math.round(v * 100) / 100)}
            </text>
          </g>
        ))}
        {xLabels.map((label, i) => (
          <text key={label} x={x(i)} y={H - 10} textAnchor="middle" fontSize="11" fill="#475569">
            {label}
          </text>
        ))}
        {series.map((s, si) => {
          const color = COLORS[si % COLORS.length];
          const points = s.values.map((v, i) => (v === null ? null : ([x(i), y(v)] as const)));
          // A gap (a quarter without a value) breaks the line instead of bridging it.
          const path = points.reduce(
            (d, p, i) => (p ? `${d}${i > 0 && points[i - 1] ? "L" : "M"}${p[0].toFixed(1)},${p[1].toFixed(1)}` : d),
            "",
          );
          return (
            <g key={s.name} opacity={series.some((o) => o.highlight) && !s.highlight ? 0.35 : 1}>
              <path d={path} fill="none" stroke={color} strokeWidth={s.highlight ? 3 : 1.5} />
              {points.map((p, i) => p && <circle key={i} cx={p[0]} cy={p[1]} r={s.highlight ? 4 : 2.5} fill={color} />)}
            </g>
          );
        })}
      </svg>
      {series.length <= 12 && (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-700" aria-hidden="true">
          {series.map((s, si) => (
            <li key={s.name} className="flex items-center gap-1">
              <span className="inline-block h-2 w-4 rounded" style={{ backgroundColor: COLORS[si % COLORS.length] }} />
              {s.name}
            </li>
          ))}
        </ul>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700">{tableCaption}</summary>
        <div className="mt-2">
          <DataTable
            caption={`${title}：${tableCaption}`}
            rows={series}
            rowKey={(s) => s.name}
            columns={[
              {
                key: "series",
                header: tableCaption,
                headerHidden: true,
                rowHeader: true,
                className: "font-normal whitespace-nowrap",
                cell: (s) => s.name,
              },
              ...xLabels.map((label, i): TColumn<TLineSeries> => ({
                key: label,
                header: label,
                numeric: true,
                cell: (s) => {
                  const v = s.values[i];
                  return v === null || v === undefined ? "—" : format(v);
                },
              })),
            ]}
          />
        </div>
      </details>
    </figure>
  );
}
