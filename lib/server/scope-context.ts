import { cache } from "react";
import { loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import type { TScopeContext } from "@/lib/auth/scopes";
import { db } from "./db";

/**
 * The signed-in user's scope context (its bank subtree, park or enterprise), loaded once per
 * server render: a page and the panels it renders all ask for it (getCurrentUser returns the
 * same user object for the whole render, so the cache key holds).
 */
export const scopeContextFor = cache((user: TActorSource): Promise<TScopeContext> => loadScopeContext(db(), user));
