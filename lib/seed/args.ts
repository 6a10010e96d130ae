/** Command-line options of `npm run db:seed` (parsed here so they can be tested). */

import type { TSeedOptions } from "./types";

export interface TSeedArgs {
  options: Partial<TSeedOptions>;
  reset: boolean;
  transaction: boolean;
  help: boolean;
}

export const SEED_USAGE = `Usage: npm run db:seed -- [options]

Fills an empty, migrated database (DATABASE_URL, or .env) with the demo data of 云溪市.

  --enterprises N            number of enterprises (default 300; up to 1,000,000)
  --reference-date YYYY-MM-DD  the demo's "today" (default: today in Asia/Shanghai);
                             requests span the previous and the current quarter
  --seed TEXT                random seed (default rongqiao-demo): same options, same data
  --chunk-size N             enterprises generated and inserted at a time (default 1000)
  --no-transaction           insert without one enclosing transaction (very large runs)
  --reset                    DROP SCHEMA public CASCADE, re-apply the migrations, then seed
                             (destroys every row, including the append-only ledger)
  --help                     this text
`;

function intArg(name: string, value: string | undefined): number {
  if (value === undefined || !/^\d[\d_,]*$/.test(value))
    throw new Error(`${name} expects a whole number, got ${JSON.stringify(value ?? "")}`);
  return Number(value.replace(/[_,]/g, ""));
}

export function parseSeedArgs(argv: readonly string[]): TSeedArgs {
  const out: TSeedArgs = { options: {}, reset: false, transaction: true, help: false };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i] as string;
    const eq = raw.indexOf("=");
    const name = raw.startsWith("--") && eq > 0 ? raw.slice(0, eq) : raw;
    const inline = raw.startsWith("--") && eq > 0 ? raw.slice(eq + 1) : undefined;
    const value = () => inline ?? argv[++i];
    switch (name) {
      case "--enterprises":
        out.options.enterprises = intArg(name, value());
        break;
      case "--reference-date": {
        const v = value();
        if (!v) throw new Error("--reference-date expects YYYY-MM-DD");
        out.options.referenceDate = v;
        break;
      }
      case "--seed": {
        const v = value();
        if (!v) throw new Error("--seed expects a value");
        out.options.seed = v;
        break;
      }
      case "--chunk-size":
        out.options.chunkSize = intArg(name, value());
        break;
      case "--no-transaction":
        out.transaction = false;
        break;
      case "--reset":
        out.reset = true;
        break;
      case "--help":
      case "-h":
        out.help = true;
        break;
      default:
        throw new Error(`unknown option ${JSON.stringify(raw)}\n\n${SEED_USAGE}`);
    }
  }
  return out;
}
