import { renderChartSvg, type TChartOption } from "@/lib/charts/render-svg";

/**
 * A server-rendered chart (see lib/charts/render-svg.ts). `title` names it for screen
 * readers; pass the same numbers as a table (`children`, e.g. in a <details>) so nothing
 * is only in the picture. The SVG scales to the container's width.
 */
export async function EChart({
  option,
  title,
  width = 640,
  height = 280,
  children,
}: {
  option: TChartOption;
  title: string;
  width?: number;
  height?: number;
  children?: React.ReactNode;
}) {
  const svg = renderChartSvg(option, { width, height });
  return (
    <figure className="space-y-2">
      <div
        role="img"
        aria-label={title}
        className="w-full overflow-hidden [&>svg]:h-auto [&>svg]:w-full"
        // The SVG is produced by ECharts from our own numbers and labels, not user HTML.
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption className="text-sm text-slate-600">{title}</figcaption>
      {children}
    </figure>
  );
}
