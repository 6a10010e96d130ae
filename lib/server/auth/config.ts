import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticate } from "@/lib/accounts/mutations/authenticate";
import { SESSION_LIMITS } from "@/lib/auth/session-rules";
import { isDatabaseUnavailable } from "@/lib/server/database-unavailable";
import { db } from "@/lib/server/db";
import { authSecret, isProduction } from "@/lib/server/env";
import { metaFromHeaders } from "./request-meta";
import { logger } from "@/lib/observability/logger";

// The code reaches the sign-in form, which translates it; it never says whether the
// account exists (see authenticate()).
export class SignInFailed extends CredentialsSignin {
  constructor(
    code: string,
    // For "rateLimited": when the address may try again; for "locked": when the lock ends.
    readonly retryAt: Date | null = null,
  ) {
    super();
    this.code = code;
  }
}

const ZCredentials = z.object({
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  totp: z.string().trim().max(32).optional(),
});

// Configuration is built per request (a function), so `next build` needs no secret.
// The JWT cookie carries only the session id; lib/server/auth/current-user.ts reads it
// (session-cookie.ts) and checks the Session row on every request, which is what makes
// sign-out and timeouts real.
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_LIMITS.absoluteHours * 3600 },
  useSecureCookies: isProduction(),
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { login: {}, password: {}, totp: {} },
      async authorize(raw, request) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new SignInFailed("invalid");
        const result = await authenticate(db(), parsed.data, metaFromHeaders(request.headers)).catch((error: unknown) => {
          // Said as what it is: "wrong password" would send people to reset a password that is fine.
          if (isDatabaseUnavailable(error)) throw new SignInFailed("unavailable");
          throw error;
        });
        if (!result.ok) {
          const retryAt = result.code === "rateLimited" ? result.retryAt : result.code === "locked" ? result.lockedUntil : null;
          throw new SignInFailed(result.code, retryAt);
        }
        return { id: result.userId, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: typeof token.sid === "string" ? token.sid : undefined };
    },
  },
  logger: {
    // A refused sign-in is expected and already audited; only log real faults.
    error(error) {
      if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
      logger.error({ err: error }, "auth error");
    },
  },
}));
