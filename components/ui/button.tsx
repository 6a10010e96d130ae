import type { ButtonHTMLAttributes } from "react";

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  /** A long operation is running: the button is disabled, says so and is aria-busy. */
  pending?: boolean;
  /** What it says meanwhile, e.g. "正在计算…"; the usual label when omitted. */
  pendingLabel?: string;
};

export function Button({ className = "", pending = false, pendingLabel, disabled, children, ...props }: TButtonProps) {
  return (
    <button
      {...props}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={`inline-flex items-center justify-center gap-2 rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-60 ${className}`}
    >
      {pending && <span aria-hidden="true" className="h-4 w-4 animate-spin rounded-full border-2 border-white/40 border-t-white" />}
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}
