import { cache } from "react";
import { loadScopeContext, type TActorSource } from "@/lib/auth/queries/load-scope-context";
import type { TScopeContext } from "@/lib/auth/scopes";
import { db } from "./db";

/**
 * The signed-in user's scope context (its bank subtree, park or enterprise), once per server
 * render: a page and the panels it renders all ask for it. loadScopeContext itself reuses
 * what the session check read in the same render; this keeps the call short for pages.
 */
export const scopeContextFor = cache((user: TActorSource): Promise<TScopeContext> => loadScopeContext(db(), user));
