/**
 * What code outside a component needs of a translator (formatters, exports, the PDF
 * bulletin, the workbooks, route refusals): a function of a key and its values, and for
 * some a check whether a key exists. next-intl's translators (getTranslations,
 * useTranslations, createTranslator) all behave so, but their types tie keys to one
 * namespace's message tree; `asTranslator` drops that tie in one place instead of a cast
 * at every call site.
 */
export type TMessageValues = Record<string, string | number>;

/** Translates a key (relative to the translator's namespace). */
export type TTranslate = (key: string, values?: TMessageValues) => string;

/** A translator that can also tell whether a key exists and read a raw message (arrays, objects). */
export type TTranslator = TTranslate & { has: (key: string) => boolean; raw: (key: string) => unknown };

/** next-intl's translator of any namespace, as the untyped translator above. */
export function asTranslator(t: object): TTranslator {
  return t as TTranslator;
}
