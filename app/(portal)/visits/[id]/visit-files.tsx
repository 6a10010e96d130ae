"use client";

import { useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/components/forms/form-errors";
import { postUpload } from "@/components/forms/post-upload";
import { UploadStatus } from "@/components/ui/upload-status";
import { ACCEPT_ATTRIBUTE, formatFileSize } from "@/lib/attachments/rules";

type TFile = { id: string; kind: string; fileName: string; sizeBytes: number; createdAt: string };
const KINDS = ["SIGN_IN_SHEET", "PHOTO", "OTHER"] as const;

// The sign-in sheet and photos of a visit: picked with their kind, uploaded one by one to
// the same store and checks as request files; kept once uploaded.
export function VisitFiles(props: { visitId: string; initial: TFile[]; mayUpload: boolean; maxBytes: number; maxCount: number }) {
  const t = useTranslations("visits.files");
  const tf = useTranslations("requestForm.attachments");
  const [files, setFiles] = useState<TFile[]>(props.initial);
  const [kind, setKind] = useState<(typeof KINDS)[number]>("SIGN_IN_SHEET");
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const maxMb = Math.round(props.maxBytes / 1024 / 1024);
  const errorMessage = useErrorMessage(tf);

  async function upload(picked: File[]) {
    setBusy(true);
    const found: string[] = [];
    for (const file of picked) {
      const answer = await postUpload<TFile>(`/api/visits/${props.visitId}/attachments`, file, { kind });
      if (answer.ok) setFiles((list) => [...list, answer.attachment]);
      else found.push(errorMessage(answer.error, { name: file.name, maxMb, maxCount: props.maxCount }));
    }
    setProblems(found);
    setBusy(false);
    if (input.current) input.current.value = "";
  }

  return (
    <section aria-labelledby="visit-files-title" className="space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="visit-files-title" className="text-lg font-medium">
        {t("title")}
      </h2>
      {files.length === 0 ? (
        <p className="text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded border border-slate-200" data-testid="visit-files">
          {files.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <a href={`/api/visit-attachments/${f.id}`} className="break-all text-brand-700 underline-offset-2 hover:underline">
                {f.fileName}
              </a>
              <span className="text-slate-600">
                {t(`kinds.${f.kind}`)} · <span className="tabular-nums">{formatFileSize(f.sizeBytes)}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {props.mayUpload && (
        <div className="space-y-2">
          <fieldset className="flex flex-wrap gap-4 text-sm">
            <legend className="mb-1 font-medium text-slate-700">{t("kind")}</legend>
            {KINDS.map((k) => (
              <label key={k} className="flex items-center gap-2">
                <input type="radio" name="visit-file-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
                {t(`kinds.${k}`)}
              </label>
            ))}
          </fieldset>
          <label htmlFor="visit-file-input" className="block text-sm font-medium text-slate-700">
            {t("pick", { maxMb })}
          </label>
          <input
            ref={input}
            id="visit-file-input"
            type="file"
            multiple
            accept={ACCEPT_ATTRIBUTE}
            disabled={busy || files.length >= props.maxCount}
            onChange={(e) => void upload([...(e.target.files ?? [])])}
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-brand-600 file:px-3 file:py-2 file:text-white"
          />
        </div>
      )}
      <UploadStatus busy={busy} working={t("working")} problems={problems} />
    </section>
  );
}
