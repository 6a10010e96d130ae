/**
 * Keeps what IntlMessageFormat works out from a message string for the life of the
 * process instead of for one request.
 *
 * next-intl builds an IntlMessageFormat for each message with arguments, and its own cache
 * lives for one request (a React cache). Each construction parses the message and resolves
 * the locale through Intl.NumberFormat.supportedLocalesOf, which on a dashboard of a few
 * dozen counts and dates costs a few milliseconds per page view, every view, for strings
 * that only change with a deployment. The parsed form depends only on the message, the
 * locale and the parser's options, and IntlMessageFormat only reads it when formatting,
 * so one parse per message serves every request.
 *
 * IntlMessageFormat.__parse and IntlMessageFormat.resolveLocale are the library's own
 * hooks (the first is how its parser-less build takes precompiled messages); these wrap
 * them with a memo. The memo holds at most MAX_ENTRIES parses: messages come from the
 * message files, not from users, so the set is small, and past the cap a message is
 * parsed as before rather than kept.
 *
 * Installing also empties IntlMessageFormat's named date and time styles, which no message
 * of ours uses: next-intl serialises them into a cache key on every call with values.
 */
import { IntlMessageFormat } from "intl-messageformat";

export const MAX_ENTRIES = 20_000;

type TParse = NonNullable<typeof IntlMessageFormat.__parse>;
type TParseOptions = Parameters<TParse>[1];

const installed = Symbol.for("rongqiao.messageFormatCache");

/** Idempotent: installing twice (two module instances, hot reload) wraps once. */
export function installMessageFormatCache(): void {
  const target = IntlMessageFormat as typeof IntlMessageFormat & { [installed]?: true };
  if (target[installed]) return;
  target[installed] = true;

  const parse = IntlMessageFormat.__parse;
  if (parse) {
    const asts = new Map<string, ReturnType<TParse>>();
    IntlMessageFormat.__parse = (message: string, options?: TParseOptions) => {
      const key = parseKey(message, options);
      const known = asts.get(key);
      if (known) return known;
      const ast = parse(message, options);
      if (asts.size < MAX_ENTRIES) asts.set(key, ast);
      return ast;
    };
  }

  // next-intl's translator turns the formats it hands each message into a JSON cache key
  // on every call with values, the default named date and time styles ("short", "long", …)
  // included: most of that key, though no message of ours uses them (a unit test checks).
  // Without them the key is a fifth as long. A message that named one would still format,
  // with the locale's default date or time.
  IntlMessageFormat.formats = { ...IntlMessageFormat.formats, date: {}, time: {} };

  const resolveLocale = IntlMessageFormat.resolveLocale;
  const locales = new Map<string, Intl.Locale | undefined>();
  IntlMessageFormat.resolveLocale = (requested: string | string[]) => {
    const key = typeof requested === "string" ? requested : requested.join("\u0000");
    if (locales.has(key)) return locales.get(key);
    const resolved = resolveLocale(requested);
    if (locales.size < 100) locales.set(key, resolved);
    return resolved;
  };
}

// Everything the parser reads, so two calls share a parse only when the parser would
// return the same thing (with the parser's defaults: skeletons parsed, an "other" clause
// required). Formatters and other options it ignores are left out.
function parseKey(message: string, options: TParseOptions): string {
  const o = (options ?? {}) as Record<string, unknown>;
  return [
    String(o.locale ?? ""),
    o.ignoreTag ? 1 : 0,
    o.requiresOtherClause === false ? 0 : 1,
    o.shouldParseSkeletons === false ? 0 : 1,
    o.captureLocation ? 1 : 0,
    message,
  ].join("\u0000");
}
