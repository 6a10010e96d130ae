"use client";

import { useState, type AnchorHTMLAttributes } from "react";
import { useTranslations } from "next-intl";

// The file name the server chose (RFC 6266 filename* first, then filename).
function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) return decodeURIComponent(star);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * A link to a generated file (Excel, PDF, CSV) that says "正在生成文件…" while the server
 * builds it, instead of looking dead for seconds. Fetches the file and hands it to the
 * browser; if that fails the browser follows the link itself and shows the server's
 * answer. Without JavaScript it is a plain download link.
 */
export function DownloadLink({ href, children, className = "", ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const t = useTranslations("errors");
  const [pending, setPending] = useState(false);
  const onClick = async (event: React.MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
    event.preventDefault();
    if (pending) return;
    setPending(true);
    try {
      const response = await fetch(href, { credentials: "same-origin" });
      if (!response.ok) throw new Error(String(response.status));
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement("a");
      a.href = url;
      a.download = fileNameOf(response.headers.get("Content-Disposition"), href.split("/").pop() ?? "download");
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      window.location.assign(href);
    } finally {
      setPending(false);
    }
  };
  return (
    <a
      {...props}
      href={href}
      download
      onClick={onClick}
      aria-busy={pending || undefined}
      aria-disabled={pending || undefined}
      className={`${className} ${pending ? "cursor-progress opacity-70" : ""}`}
    >
      {pending ? t("preparingFile") : children}
    </a>
  );
}
