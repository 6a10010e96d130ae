/**
 * The nginx configuration shipped in deploy/nginx/rongqiao.conf passes Debian's
 * `nginx -t`, as an operator installs it: the file wrapped in a minimal nginx.conf, its
 * certificate paths pointed at a throwaway self-signed certificate made here with openssl.
 * Without nginx the test fails and says how to install it (.ci/run does): a check that
 * skips itself would not tell anyone the file is broken.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const SITE = "deploy/nginx/rongqiao.conf";

function nginxBinary(): string | null {
  for (const candidate of ["/usr/sbin/nginx", "/usr/bin/nginx"]) if (existsSync(candidate)) return candidate;
  const which = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

describe(`${SITE}`, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rongqiao-nginx-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("passes nginx -t with its certificate paths pointed at a throwaway certificate", () => {
    const nginx = nginxBinary();
    if (!nginx)
      throw new Error(
        "nginx is not installed: `apt-get install nginx` (Debian's package; .ci/run installs it) to check deploy/nginx/rongqiao.conf",
      );

    const cert = path.join(dir, "fullchain.pem");
    const key = path.join(dir, "privkey.pem");
    execFileSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=rongqiao.example.gov.cn", "-keyout", key, "-out", cert],
      {
        stdio: "ignore",
      },
    );
    const site = readFileSync(SITE, "utf8");
    expect(site).toMatch(/^\s*ssl_certificate\s+\S+;/m);
    expect(site).toMatch(/^\s*ssl_certificate_key\s+\S+;/m);
    const testable = site
      .replace(/^(\s*ssl_certificate)\s+\S+;/m, `$1 ${cert};`)
      .replace(/^(\s*ssl_certificate_key)\s+\S+;/m, `$1 ${key};`);
    writeFileSync(path.join(dir, "rongqiao.conf"), testable);
    const mimeTypes = existsSync("/etc/nginx/mime.types") ? "include /etc/nginx/mime.types;" : "";
    writeFileSync(
      path.join(dir, "nginx.conf"),
      `pid ${dir}/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  ${mimeTypes}\n  access_log off;\n  include ${dir}/rongqiao.conf;\n}\n`,
    );

    const result = spawnSync(nginx, ["-t", "-e", "stderr", "-p", dir, "-c", path.join(dir, "nginx.conf")], { encoding: "utf8" });
    expect(result.stderr).toMatch(/test is successful/);
    expect(result.status).toBe(0);
  });
});
