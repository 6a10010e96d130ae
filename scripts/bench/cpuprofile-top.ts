/**
 * Summarises a V8 .cpuprofile (e.g. from `node --cpu-prof node_modules/next/dist/bin/next
 * start`, stopped with SIGINT after N requests): self and total (inclusive, counted once
 * per stack) time by function and by file or package, per view.
 *   node --import tsx scripts/bench/cpuprofile-top.ts CPU.….cpuprofile 200 [top] [from-us to-us]
 * The optional window (microseconds on the same monotonic clock as process.hrtime) keeps
 * only the samples of the measured requests, leaving out start-up and warm-up.
 */
import { readFileSync } from "node:fs";

type TNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
};
type TProfile = { nodes: TNode[]; samples: number[]; timeDeltas: number[]; startTime: number };

const [file, viewsArg = "1", topArg = "30", fromArg, toArg] = process.argv.slice(2);
if (!file) throw new Error("usage: cpuprofile-top.ts FILE VIEWS [TOP] [FROM_US TO_US]");
const views = Number(viewsArg);
const top = Number(topArg);
const profile = JSON.parse(readFileSync(file, "utf8")) as TProfile;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Milliseconds per node, inside the window.
const msOf = new Map<number, number>();
let ts = profile.startTime;
profile.samples.forEach((id, i) => {
  ts += profile.timeDeltas[i] ?? 0;
  if (fromArg && toArg && (ts < Number(fromArg) || ts > Number(toArg))) return;
  msOf.set(id, (msOf.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});

function shortUrl(url: string): string {
  const u = url.replace(/^file:\/\//, "");
  const pkg = u.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/);
  if (pkg) return `${pkg[1]}:${pkg[2]!.split("/").slice(-2).join("/")}`;
  const chunk = u.match(/(\.next[^/]*\/.*)$/);
  return chunk ? chunk[1]! : u.replace(`${process.cwd()}/`, "");
}
const fnKey = (n: TNode) =>
  `${n.callFrame.functionName || "(anonymous)"} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;
const fileKey = (n: TNode) => {
  const u = shortUrl(n.callFrame.url);
  const pkg = u.match(/^([^:]+):/);
  return pkg && !u.startsWith(".next") ? pkg[1]! : u || n.callFrame.functionName;
};

const self = new Map<string, number>();
const total = new Map<string, number>();
const fileSelf = new Map<string, number>();
const fileTotal = new Map<string, number>();
const add = (m: Map<string, number>, k: string, ms: number) => m.set(k, (m.get(k) ?? 0) + ms);
let all = 0;
let idle = 0;
for (const [id, ms] of msOf) {
  const n = nodes.get(id)!;
  all += ms;
  if (n.callFrame.functionName === "(idle)") {
    idle += ms;
    continue;
  }
  add(self, fnKey(n), ms);
  add(fileSelf, fileKey(n), ms);
  const seen = new Set<string>();
  const seenFiles = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const c = nodes.get(cur)!;
    // Recursion would count a sample twice in the same function.
    if (!seen.has(fnKey(c))) {
      seen.add(fnKey(c));
      add(total, fnKey(c), ms);
    }
    if (!seenFiles.has(fileKey(c))) {
      seenFiles.add(fileKey(c));
      add(fileTotal, fileKey(c), ms);
    }
  }
}

const perView = (ms: number) => (ms / views).toFixed(2).padStart(7);
function show(title: string, main: Map<string, number>, other: Map<string, number>) {
  console.log(`\n${title}`);
  for (const [k, v] of [...main].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${perView(v)} ms  (${perView(other.get(k) ?? 0).trim()})  ${k}`);
}
console.log(
  `${(all / 1000).toFixed(1)} s sampled, ${(idle / 1000).toFixed(1)} s idle: ${perView(all - idle).trim()} ms busy per view (${views} views)`,
);
show("self ms per view (total) by function", self, total);
show("total ms per view (self) by function", total, self);
show("self ms per view (total) by file or package", fileSelf, fileTotal);
