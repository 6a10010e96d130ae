import type { TTranslate, TTranslator } from "@/lib/i18n/translator";

type TT = TTranslate & Pick<TTranslator, "has">;

/**
 * An enum value's label: from "requests.<group>" (answerKinds, ratings, escalationReasons,
 * closeReasons, actions — shared by every requests page) when it is there, else from this
 * page's own "requestDetail.<group>".
 */
export function enumLabel(tr: TT, td: TT, group: string, value: string): string {
  const key = `${group}.${value}`;
  if (tr.has(key)) return tr(key);
  return td.has(key) ? td(key) : value;
}
