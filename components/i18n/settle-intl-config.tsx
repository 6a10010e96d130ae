import { useLocale } from "next-intl";

/**
 * Renders nothing; asks for next-intl's request configuration once, at the top of the tree.
 * React's use() suspends the first time it meets a promise, even one already resolved, and
 * every server component that asks for the configuration (useTranslations, useLocale) in the
 * same render pass suspends with it: each becomes a chunk of its own in the server-component
 * stream and a streamed HTML segment, one per table row or card. Asked here first, the
 * promise is marked settled before the pages render, and they render in one piece.
 */
export function SettleIntlConfig() {
  useLocale();
  return null;
}
