"use client";

import { useSelectedLayoutSegment } from "next/navigation";

// The name of the dashboard area the page belongs to, beside the portal's name: the area is
// the first URL segment (/bank, /bank/inbox …), which the frame, drawn once by the portal's
// layout for every page, reads here rather than asking each page to pass it.
export function PortalAreaLabel({ labels }: { labels: Readonly<Record<string, string>> }) {
  const segment = useSelectedLayoutSegment();
  const label = segment === null ? undefined : labels[segment];
  return label ? <span className="text-slate-600">{label}</span> : null;
}
