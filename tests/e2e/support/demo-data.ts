import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { e2eInfoFile } from "@/scripts/e2e/info";

/** The URL of the database the e2e server seeded (for a test that runs a job's step itself). */
export function databaseUrlOfDemo(): string {
  const port = Number(process.env.E2E_PORT ?? 3100);
  return (JSON.parse(readFileSync(e2eInfoFile(port), "utf8")) as { databaseUrl: string }).databaseUrl;
}

/** Runs a query on the database the e2e server seeded (ids for cross-tenant checks). */
export async function queryDemo<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const { databaseUrl } = JSON.parse(readFileSync(e2eInfoFile(port), "utf8")) as { databaseUrl: string };
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The id Next.js gave a server action in this build, to post to it directly over HTTP. */
export function serverActionId(file: string, exportedName: string): string {
  const dist = process.env.NEXT_DIST_DIR ?? ".next";
  const manifest = JSON.parse(readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!found) throw new Error(`no server action ${file}#${exportedName} in the build`);
  return found[0];
}
