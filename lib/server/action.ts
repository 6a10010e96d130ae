import { z } from "zod";
import type { TSessionUser } from "@/lib/accounts/queries/load-session-user";
import { writeAudit } from "@/lib/audit/mutations/write-audit";
import { can, type TPermission } from "@/lib/auth/permissions";
import { AppError, type TErrorCode } from "@/lib/errors";
import { db } from "@/lib/server/db";
import { controlCharacterFields } from "@/lib/validation/fields";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { getCurrentUser } from "./auth/current-user";
import { requestMeta } from "./auth/request-meta";
import { isNextControlFlow } from "./next-control-flow";
import { noteRequestOutcome } from "./request-context";

/**
 * The one shape of every server action (they are public HTTP endpoints):
 * who is the user → policy check → parse with zod → the handler → a small typed result.
 * (The policy comes first, so a caller who may not act learns nothing from validation.)
 * `policy` and `schema` are kept on the returned function so the authorization-matrix and
 * fuzz tests can read every action's rule and input shape from the code itself.
 *   - a permission from lib/auth/permissions.ts: signed in and allowed;
 *   - "signedIn": any signed-in user (their own account's settings);
 *   - "public": no session needed (sign-in, registration, language).
 */
export type TActionPolicy = TPermission | "signedIn" | "public";

export type TActionResult<T> = { ok: true; data: T } | { ok: false; error: TErrorCode; fieldErrors?: Record<string, string> };

type THandler<S extends z.ZodType, P extends TActionPolicy, R> = (ctx: {
  input: z.infer<S>;
  user: P extends "public" ? TSessionUser | null : TSessionUser;
}) => Promise<R>;

export type TDefinedAction<R> = ((...args: [unknown] | [unknown, unknown]) => Promise<TActionResult<R>>) & {
  actionName: string;
  policy: TActionPolicy;
  schema: z.ZodType;
  allows: (user: TPolicyUser | null) => boolean;
};

// What an account may still do before it has changed an administrator-set password or
// enrolled the required second factor.
const DURING_ACCOUNT_SETUP: ReadonlySet<TActionPolicy> = new Set(["public", "signedIn", "account.changePassword", "account.manageTotp"]);

type TPolicyUser = Pick<TSessionUser, "role"> & Partial<Pick<TSessionUser, "mustChangePassword" | "needsTotpEnrolment">>;

export function allowsPolicy(policy: TActionPolicy, user: TPolicyUser | null): boolean {
  if (policy === "public") return true;
  if (!user) return false;
  if ((user.mustChangePassword || user.needsTotpEnrolment) && !DURING_ACCOUNT_SETUP.has(policy)) return false;
  return policy === "signedIn" || can(user.role, policy);
}

// Built with Object.fromEntries, which defines each field as the object's own property: an
// assignment would let a field named "__proto__" replace the object's prototype (with a
// posted File, the parse then threw and the action answered 500).
export function toPlain(raw: unknown): unknown {
  if (!(raw instanceof FormData)) return raw;
  const entries: [string, FormDataEntryValue | FormDataEntryValue[]][] = [];
  for (const key of new Set(raw.keys())) {
    if (key.startsWith("$ACTION")) continue; // Next's own fields
    const values = raw.getAll(key);
    entries.push([key, values.length > 1 ? values : values[0]!]);
  }
  return Object.fromEntries(entries);
}

export function defineAction<S extends z.ZodType, P extends TActionPolicy, R>(spec: {
  name: string;
  policy: P;
  schema: S;
  handler: THandler<S, P, R>;
}): TDefinedAction<R> {
  // The outcome goes into the request's log line and the action counter: "ok", the
  // refusal's code, "redirect" (Next's redirect() ends an action by throwing), or "error".
  const outcome = (value: string) => {
    noteRequestOutcome(spec.name, value);
    metrics().actionsTotal.inc({ action: spec.name, outcome: value });
  };
  const run = async (...args: [unknown] | [unknown, unknown]): Promise<TActionResult<R>> => {
    // Works both as a form action (formData) and with useActionState (prevState, formData).
    const raw = toPlain(args.length === 2 ? args[1] : args[0]);
    const user = await getCurrentUser();
    if (!allowsPolicy(spec.policy, user)) {
      if (user) {
        await writeAudit(db(), {
          action: `denied.${spec.name}`,
          outcome: "DENIED",
          actorUserId: user.userId,
          actorOrgId: user.orgId,
          ...(await requestMeta()),
          details: { policy: spec.policy },
        });
      }
      outcome(user ? "forbidden" : "signedOut");
      return { ok: false, error: user ? "forbidden" : "signedOut" };
    }
    const parsed = spec.schema.safeParse(raw);
    // Control characters are refused in every field, whether or not its schema uses the
    // shared text helper: PostgreSQL rejects NUL, and no person types the others.
    const unsafe = controlCharacterFields(raw);
    if (!parsed.success || Object.keys(unsafe).length > 0) {
      const fieldErrors: Record<string, string> = unsafe;
      for (const issue of parsed.error?.issues ?? []) fieldErrors[issue.path.join(".")] ??= issue.message;
      outcome("invalidInput");
      return { ok: false, error: "invalidInput", fieldErrors };
    }
    try {
      const data = await spec.handler({ input: parsed.data, user: user as TSessionUser });
      outcome("ok");
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) {
        outcome(error.code);
        return { ok: false, error: error.code, fieldErrors: error.fieldErrors };
      }
      if (isNextControlFlow(error)) outcome("redirect");
      else {
        outcome("error");
        logger.error({ action: spec.name, err: error }, "server action failed");
      }
      throw error;
    }
  };
  return Object.assign(run, {
    actionName: spec.name,
    policy: spec.policy,
    schema: spec.schema,
    allows: (u: TPolicyUser | null) => allowsPolicy(spec.policy, u),
  });
}

/** For `<form action={…}>` whose result the page does not read (e.g. sign-out). */
export function asFormAction<R>(action: TDefinedAction<R>): (formData: FormData) => Promise<void> {
  return action as unknown as (formData: FormData) => Promise<void>;
}
