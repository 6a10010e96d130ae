import { useId, type ReactNode } from "react";

type Props = {
  title: string;
  hint?: string;
  children: ReactNode;
  /** A white card (a form or a block of actions) rather than a plain section of the page. */
  framed?: boolean;
  /** The heading level: 2 under the page's <h1>, 3 inside another section. */
  level?: 2 | 3;
  testId?: string;
};

/** A titled section of a page, named by its heading for screen readers. */
export function Panel({ title, hint, children, framed = false, level = 2, testId }: Props) {
  const headingId = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby={headingId}
      data-testid={testId}
      className={framed ? "space-y-3 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" : "space-y-3"}
    >
      <Heading id={headingId} className="text-lg font-medium">
        {title}
      </Heading>
      {hint && <p className="text-sm text-slate-600">{hint}</p>}
      {children}
    </section>
  );
}
