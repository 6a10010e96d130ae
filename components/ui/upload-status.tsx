/**
 * Under a file picker: "正在上传…" while files go up, then what went wrong with which file
 * (announced at once), one line each.
 */
export function UploadStatus({ busy, working, problems }: { busy: boolean; working: string; problems: readonly string[] }) {
  return (
    <>
      {busy && (
        <p role="status" className="text-sm text-slate-600">
          {working}
        </p>
      )}
      {problems.length > 0 && (
        <ul role="alert" className="space-y-1 rounded bg-red-50 px-3 py-2 text-sm text-red-800">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </>
  );
}
