import { describe, expect, it } from "vitest";
import { createStatementNamer } from "./statement-names";

describe("createStatementNamer", () => {
  it("gives one SQL text the same name every time, and different texts different names", () => {
    const name = createStatementNamer({ maxNames: 10, maxParameters: 5 });
    const a = name({ sql: "SELECT 1 WHERE $1", args: [1] });
    expect(a).toMatch(/^rq_[0-9a-f]{32}$/);
    expect(name({ sql: "SELECT 1 WHERE $1", args: [2] })).toBe(a);
    expect(name({ sql: "SELECT 2 WHERE $1", args: [1] })).not.toBe(a);
  });

  it("leaves statements with a long list of parameters unnamed", () => {
    const name = createStatementNamer({ maxNames: 10, maxParameters: 2 });
    expect(name({ sql: "SELECT $1, $2, $3", args: [1, 2, 3] })).toBe("");
    expect(name({ sql: "SELECT $1, $2", args: [1, 2] })).not.toBe("");
  });

  it("stops naming new texts past the bound but keeps the names it gave", () => {
    const name = createStatementNamer({ maxNames: 2, maxParameters: 5 });
    const first = name({ sql: "SELECT 1", args: [] });
    const second = name({ sql: "SELECT 2", args: [] });
    expect(name({ sql: "SELECT 3", args: [] })).toBe("");
    expect(name({ sql: "SELECT 1", args: [] })).toBe(first);
    expect(name({ sql: "SELECT 2", args: [] })).toBe(second);
  });
});
