// How links look, as class names, for <Link> and <a> (a link that navigates stays a link,
// even when it looks like a button).

/** An inline text link. */
export const linkClass = "text-brand-700 underline-offset-2 hover:underline";
/** A link that starts the page's main action ("新建…"), styled like Button. */
export const buttonLinkClass = "rounded-md bg-brand-600 px-4 py-2 font-medium text-white hover:bg-brand-700";
/** A secondary action (export, search, cancel). */
export const secondaryLinkClass = "rounded-md bg-white px-4 py-2 font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50";
