/**
 * Next's own control flow travels as thrown errors: redirect() and notFound() (digests
 * NEXT_REDIRECT, NEXT_HTTP_ERROR_FALLBACK …) and a render's bail-outs (dynamic usage,
 * client-side rendering). They are the way a page or an action ends, not failures.
 */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^(NEXT_|DYNAMIC_SERVER_USAGE|BAILOUT_TO_CLIENT_SIDE_RENDERING)/.test(digest);
}
