import { createHash } from "node:crypto";

type TStatementNamerOptions = {
  /** Distinct statements one process names; later ones run unnamed. */
  maxNames: number;
  /** Statements with more parameters than this (a list spelled out as $1…$n) run unnamed. */
  maxParameters: number;
};

/**
 * Names for the database driver's prepared statements, one per distinct SQL text.
 *
 * A named statement is parsed once per connection; PostgreSQL then binds and runs it
 * without parsing it again, and after a few runs it keeps one plan for it. An unnamed one is
 * parsed and planned on every run. Prisma sends the same few dozen statement texts for every
 * page view, so naming them halves the database's CPU per view (measured on the city-scale
 * benchmark's dashboards).
 *
 * Each connection keeps every statement it has prepared until it closes, so the names are
 * bounded: statements that spell out a list of values get a new text for every list length
 * and run unnamed, and past `maxNames` distinct texts a process stops naming.
 * An empty name means "unnamed" to the driver.
 */
export function createStatementNamer({ maxNames, maxParameters }: TStatementNamerOptions) {
  const names = new Map<string, string>();
  return function statementName(query: { sql: string; args: readonly unknown[] }): string {
    if (query.args.length > maxParameters) return "";
    const known = names.get(query.sql);
    if (known !== undefined) return known;
    if (names.size >= maxNames) return "";
    const name = `rq_${createHash("sha256").update(query.sql).digest("hex").slice(0, 32)}`;
    names.set(query.sql, name);
    return name;
  };
}
