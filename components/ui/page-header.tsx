import type { ReactNode } from "react";

type Props = {
  title: ReactNode;
  /** A short line above the title saying what kind of record this is ("企业详情"). */
  eyebrow?: string;
  intro?: ReactNode;
  actions?: ReactNode;
  /** Status words shown with the title (e.g. a ranking's 草稿 / 已发布). */
  badges?: ReactNode;
};

/**
 * The top of a page: its one <h1>, the actions that belong to the whole page (create,
 * export) on the same line where there is room, and a sentence saying what the page is for.
 */
export function PageHeader({ title, eyebrow, intro, actions, badges }: Props) {
  return (
    <header className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          {eyebrow && <p className="text-sm text-slate-600">{eyebrow}</p>}
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
            {title}
            {badges}
          </h1>
        </div>
        {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      </div>
      {intro && <p className="text-slate-700">{intro}</p>}
    </header>
  );
}
