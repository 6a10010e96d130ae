import { describe, expect, it } from "vitest";
import { demoModeOn, settingsProblems, settingsRefusal } from "./env";

const GOOD = {
  DATABASE_URL: "postgresql://rongqiao:pw@127.0.0.1:5432/rongqiao",
  AUTH_SECRET: "x".repeat(43),
};

describe("settingsProblems", () => {
  it("accepts a complete server configuration, and a PostgreSQL URL through a Unix socket", () => {
    expect(settingsProblems("server", GOOD)).toEqual([]);
    expect(settingsProblems("server", { ...GOOD, DATABASE_URL: "postgresql://rongqiao@/rongqiao?host=/var/run/postgresql" })).toEqual([]);
    expect(
      settingsProblems("server", {
        ...GOOD,
        SMTP_URL: "smtps://u:p@mail.example.gov.cn:465",
        MAIL_FROM: "融桥 <no-reply@example.gov.cn>",
        ATTACHMENT_STORE: "s3",
        S3_ENDPOINT: "https://s3.example.gov.cn",
        S3_BUCKET: "rongqiao",
        S3_ACCESS_KEY_ID: "key",
        S3_SECRET_ACCESS_KEY: "secret",
        APP_URL: "https://rongqiao.example.gov.cn",
        JOBS_IN_PROCESS: "FALSE",
        READY_MAX_DUE_JOBS: "500",
        MAX_CONCURRENT_RENDERS: "0",
      }),
    ).toEqual([]);
  });

  it("names each missing or malformed setting the command needs, never its value", () => {
    const problems = settingsProblems("server", {
      DATABASE_URL: "mysql://root:hunter2@db/rongqiao",
      AUTH_SECRET: "short-secret",
      SMTP_URL: "http://mail",
      MAIL_TRANSPORT: "pigeon",
      APP_URL: "rongqiao.example.gov.cn",
      JOBS_IN_PROCESS: "no",
      READY_MAX_DUE_JOBS: "-1",
      MAX_CONCURRENT_RENDERS: "lots",
      ATTACHMENT_STORE: "s3",
      S3_ENDPOINT: "https://s3.example.gov.cn",
      S3_BUCKET: "rongqiao",
      S3_ACCESS_KEY_ID: "key",
    });
    expect(problems.map((p) => p.split(":")[0])).toEqual([
      "DATABASE_URL",
      "AUTH_SECRET",
      "SMTP_URL",
      "MAIL_TRANSPORT",
      "APP_URL",
      "JOBS_IN_PROCESS",
      "READY_MAX_DUE_JOBS",
      "MAX_CONCURRENT_RENDERS",
      "S3_SECRET_ACCESS_KEY",
    ]);
    expect(problems.join("\n")).not.toMatch(/hunter2|short-secret/);
    expect(settingsProblems("server", { DATABASE_URL: GOOD.DATABASE_URL })).toEqual([
      "AUTH_SECRET: is not set (it must be at least 32 random characters; make one with: openssl rand -base64 32)",
    ]);
  });

  it("asks each command only for what it uses", () => {
    expect(settingsProblems("jobs", { DATABASE_URL: GOOD.DATABASE_URL })).toEqual([]);
    expect(settingsProblems("migrate", { DATABASE_OWNER_URL: GOOD.DATABASE_URL })).toEqual([]);
    expect(settingsProblems("migrate", {})).toEqual(["DATABASE_URL: is not set (it must be a postgresql:// URL)"]);
    expect(settingsProblems("jobs", { ...GOOD, MAIL_TRANSPORT: "smtp" })).toEqual(['SMTP_URL: is not set, and MAIL_TRANSPORT is "smtp"']);
  });

  it("says so in one message that points to the runbook", () => {
    expect(settingsRefusal("RongQiao", ["AUTH_SECRET: is not set"])).toBe(
      "RongQiao will not start: a setting is missing or malformed:\n  - AUTH_SECRET: is not set\nSee docs/operations.md, section Settings.",
    );
  });
});

describe("demoModeOn", () => {
  it("is on by default in development only, and DEMO_MODE decides when set", () => {
    expect(demoModeOn({ NODE_ENV: "development" })).toBe(true);
    expect(demoModeOn({ NODE_ENV: "production" })).toBe(false);
    expect(demoModeOn({ NODE_ENV: "test" })).toBe(false);
    expect(demoModeOn({})).toBe(false);
    expect(demoModeOn({ NODE_ENV: "production", DEMO_MODE: "true" })).toBe(true);
    expect(demoModeOn({ NODE_ENV: "production", DEMO_MODE: " TRUE " })).toBe(true);
    expect(demoModeOn({ NODE_ENV: "development", DEMO_MODE: "false" })).toBe(false);
    expect(demoModeOn({ NODE_ENV: "production", DEMO_MODE: "" })).toBe(false);
  });

  it("refuses to start with a DEMO_MODE that is neither true nor false", () => {
    expect(settingsProblems("server", { ...GOOD, DEMO_MODE: "yes" })).toEqual(['DEMO_MODE: must be "true" or "false"']);
    expect(settingsProblems("server", { ...GOOD, DEMO_MODE: "false" })).toEqual([]);
  });
});
