/** Command-line options of `npm run bench:city`. */

export type TCityArgs = {
  /** Sequential GETs per page after the warm-ups. */
  runs: number;
  /** Seconds of each load run. */
  duration: number;
  connections: number;
  /** Paths to measure; undefined: every page. */
  only: string[] | undefined;
  skipLoad: boolean;
  /** Run `npm run build` first. */
  build: boolean;
  help: boolean;
};

export const CITY_USAGE = `Usage: npm run bench:city -- [options]

Single-user latency and throughput of the portal's pages on 100,000 enterprises, each
compared with a trivial dynamic Next.js page (the floor) measured in the same run.

  --runs N            sequential GETs per page after 3 warm-ups (default 30)
  --duration S        seconds of each load run (default 15)
  --connections C     concurrent connections of each load run (default 50)
  --only /a,/b        measure only these pages (the floor is always measured)
  --skip-load         single-user latency only
  --build             run \`npm run build\` first
  --help              this text
`;

function positiveInt(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) {
    throw new Error(`${name} expects a positive whole number, got ${JSON.stringify(value ?? "")}`);
  }
  return Number(value);
}

export function parseCityArgs(argv: readonly string[]): TCityArgs {
  const out: TCityArgs = { runs: 30, duration: 15, connections: 50, only: undefined, skipLoad: false, build: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.indexOf("=");
    const name = raw.startsWith("--") && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith("--") && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = () => inline ?? argv[++i];
    switch (name) {
      case "--runs":
        out.runs = positiveInt(name, value());
        break;
      case "--duration":
        out.duration = positiveInt(name, value());
        break;
      case "--connections":
        out.connections = positiveInt(name, value());
        break;
      case "--only": {
        const paths = (value() ?? "")
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean);
        if (paths.length === 0 || paths.some((p) => !p.startsWith("/"))) throw new Error("--only expects paths such as /bank,/bank/inbox");
        out.only = paths;
        break;
      }
      case "--skip-load":
        out.skipLoad = true;
        break;
      case "--build":
        out.build = true;
        break;
      case "--help":
      case "-h":
        out.help = true;
        break;
      default:
        throw new Error(`unknown option ${JSON.stringify(raw)}\n\n${CITY_USAGE}`);
    }
  }
  return out;
}
