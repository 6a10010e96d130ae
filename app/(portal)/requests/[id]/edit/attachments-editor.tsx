"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/forms/form-errors";
import { postUpload } from "@/components/forms/post-upload";
import { UploadStatus } from "@/components/ui/upload-status";
import { ACCEPT_ATTRIBUTE, formatFileSize } from "@/lib/attachments/rules";

type TAttachment = { id: string; fileName: string; sizeBytes: number; mimeType: string; createdAt: string };
type TProps = { requestId: string; initial: TAttachment[]; maxBytes: number; maxCount: number; title?: string };

// Files of a draft or returned item (or those being gathered for a bank's 需补充材料 answer): pick (several at once), upload one by one, list with
// sizes, remove. The type is judged by the server from the file's content; the checks
// here only save the user a pointless upload.
export function AttachmentsEditor({ requestId, initial, maxBytes, maxCount, title }: TProps) {
  const t = useTranslations("requestForm.attachments");
  const [files, setFiles] = useState<TAttachment[]>(initial);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const maxMb = Math.round(maxBytes / 1024 / 1024);
  const errorMessage = useErrorMessage(t);
  const message = (code: string, name: string) => errorMessage(code, { name, maxMb, maxCount });

  async function upload(picked: File[]) {
    setBusy(true);
    const found: string[] = [];
    let count = files.length;
    for (const file of picked) {
      if (file.size === 0) found.push(message("emptyFile", file.name));
      else if (file.size > maxBytes) found.push(message("tooLarge", file.name));
      else if (count >= maxCount) found.push(message("tooMany", file.name));
      else {
        const answer = await postUpload<TAttachment>(`/api/requests/${requestId}/attachments`, file);
        if (answer.ok) {
          count++;
          setFiles((list) => [...list, answer.attachment]);
        } else found.push(message(answer.error, file.name));
      }
    }
    setProblems(found);
    setBusy(false);
    if (input.current) input.current.value = "";
  }

  async function remove(file: TAttachment) {
    if (!window.confirm(t("confirmRemove", { name: file.fileName }))) return;
    setBusy(true);
    try {
      const response = await fetch(`/api/attachments/${file.id}`, { method: "DELETE" });
      const answer = (await response.json()) as { ok: boolean; error?: string };
      if (answer.ok) {
        setFiles((list) => list.filter((f) => f.id !== file.id));
        setProblems([]);
      } else setProblems([message(answer.error ?? "generic", file.fileName)]);
    } catch {
      setProblems([message("generic", file.fileName)]);
    }
    setBusy(false);
  }

  return (
    <section aria-labelledby="attachments-title" className="space-y-4 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="attachments-title" className="text-lg font-medium">
        {title ?? t("title")}
      </h2>
      <p id="attachments-hint" className="text-sm text-slate-600">
        {t("hint", { maxMb, maxCount })}
      </p>
      {files.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <a href={`/api/attachments/${f.id}`} className="break-all text-brand-700 underline-offset-2 hover:underline">
                {f.fileName}
              </a>
              <span className="flex items-center gap-3">
                <span className="tabular-nums text-slate-600">{formatFileSize(f.sizeBytes)}</span>
                <button
                  type="button"
                  onClick={() => remove(f)}
                  disabled={busy}
                  className="text-red-700 underline-offset-2 hover:underline disabled:opacity-60"
                >
                  {t("remove")}
                  <span className="sr-only"> {f.fileName}</span>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div>
        <label htmlFor="attachment-input" className="block text-sm font-medium text-slate-700">
          {t("pick")}
        </label>
        <input
          ref={input}
          id="attachment-input"
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          disabled={busy || files.length >= maxCount}
          aria-describedby="attachments-hint"
          onChange={(e) => void upload([...(e.target.files ?? [])])}
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-2 file:text-white"
        />
      </div>
      <UploadStatus busy={busy} working={t("working")} problems={problems} />
    </section>
  );
}
