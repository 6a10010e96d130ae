export function EmptyState({ title, body }: { title: string; body: string }) {
  return (
    <section className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center">
      <h2 className="text-lg font-medium text-slate-800">{title}</h2>
      <p className="mx-auto mt-2 max-w-prose text-slate-600">{body}</p>
    </section>
  );
}
