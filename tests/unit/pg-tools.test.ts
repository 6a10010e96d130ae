import { describe, expect, it } from "vitest";
import { PgToolMissingError, findPgTool, pgConnection } from "@/scripts/db/pg-tools";

describe("the backup commands' PostgreSQL client tools", () => {
  it("pass the password through the environment, never on the command line", () => {
    const { dbnameArg, env } = pgConnection("postgresql://rongqiao_owner:s%40cret@db.example:5432/rongqiao?sslmode=require");
    expect(dbnameArg).toBe("--dbname=postgresql://rongqiao_owner@db.example:5432/rongqiao?sslmode=require");
    expect(env.PGPASSWORD).toBe("s@cret");
  });

  it("say which package to install when the tool is missing", () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      expect(() => findPgTool("pg_dump", 98)).toThrow(PgToolMissingError);
      expect(() => findPgTool("pg_dump", 98)).toThrow(/apt-get install postgresql-client-98/);
    } finally {
      process.env.PATH = path;
    }
  });
});
