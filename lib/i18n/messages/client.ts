import { NAMESPACES } from "./load";

export type TNamespace = (typeof NAMESPACES)[number];

/** A namespace, or a part of one ("requests.statuses") when the browser needs only that part. */
export type TClientMessages = TNamespace | `${TNamespace}.${string}`;

/**
 * What the browser gets of the message files. Server components translate on the server
 * and send text, so a page ships only the namespaces its client components (those with
 * "use client" and what they import) translate with useTranslations: "errors" everywhere
 * (the error boundaries), the rest from the layout of the route segment that renders
 * them (<ClientMessages namespaces={[…]}>). Sending every file would put about 70,000
 * characters of JSON into every page's HTML and its RSC payload, for nothing.
 * lib/i18n/client-messages.test.ts checks each client component against the layouts.
 */
export const CLIENT_NAMESPACES_EVERYWHERE = ["errors"] as const satisfies readonly TNamespace[];

export function pickNamespaces(
  messages: Readonly<Record<string, unknown>>,
  namespaces: readonly TClientMessages[],
): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of [...CLIENT_NAMESPACES_EVERYWHERE, ...namespaces]) pickPath(messages, picked, name.split("."));
  return picked;
}

// Copies messages[a][b]…[last] to picked[a][b]…[last], making the objects on the way.
function pickPath(messages: Readonly<Record<string, unknown>>, picked: Record<string, unknown>, keys: readonly string[]): void {
  let from: Readonly<Record<string, unknown>> = messages;
  let to = picked;
  for (const [i, key] of keys.entries()) {
    if (!(key in from)) return;
    if (i === keys.length - 1) {
      to[key] = from[key];
      return;
    }
    const next = from[key];
    // Not an object: no such part. Already picked whole: nothing to add (and the shared
    // messages object below it is not to be written to).
    if (!isRecord(next) || to[key] === next) return;
    from = next;
    to = (isRecord(to[key]) ? to[key] : (to[key] = {})) as Record<string, unknown>;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}
