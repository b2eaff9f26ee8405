/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and says where the time went over its last
 * `windowSeconds` (the measured load, not start-up): self time by package, the top functions by
 * self time, and the top functions by inclusive time (each counted once per sample). Also usable
 * alone: `tsx bench/server-bench/profile-summary.ts file.cpuprofile [windowSeconds]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const IDLE = new Set(['(idle)', '(program)']);

/** Which package (or part of the repo) a frame's script belongs to. */
function packageOf(url: string, name: string): string {
  if (url === '') {
    return name.startsWith('(') ? name : '(native)';
  }
  const nm = url.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (url.startsWith('node:')) {
    return 'node (internals)';
  }
  const repo = /\/(server|domain|db|bench)\/(.*)$/.exec(url);
  return repo ? `casebridge ${repo[1]}/` : url;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(server|domain|db|bench)\//, '$1/').replace(/^node:/, 'node:');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

function percent(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
}

/** The report, as text. */
export function summariseProfile(file: string, windowSeconds = Number(process.env.BENCH_SECONDS ?? 5), top = 15): string {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) {
    for (const c of n.children ?? []) {
      parent.set(c, n.id);
    }
  }
  const from = profile.endTime - windowSeconds * 1e6;
  const self = new Map<number, number>();
  let t = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    t += profile.timeDeltas[i] ?? 0;
    if (t >= from) {
      self.set(id, (self.get(id) ?? 0) + 1);
    }
  }
  let busy = 0;
  let idle = 0;
  const selfByFn = new Map<string, number>();
  const selfByPackage = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, count] of self) {
    const node = byId.get(id)!;
    if (IDLE.has(node.callFrame.functionName)) {
      idle += count;
      continue;
    }
    busy += count;
    selfByFn.set(label(node), (selfByFn.get(label(node)) ?? 0) + count);
    const pkg = packageOf(node.callFrame.url, node.callFrame.functionName);
    selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + count);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = label(byId.get(at)!);
      if (!seen.has(l)) {
        seen.add(l);
        inclusive.set(l, (inclusive.get(l) ?? 0) + count);
      }
    }
  }
  const rank = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n);
  const lines = [`${busy + idle} samples in the last ${windowSeconds} s; busy ${percent(busy, busy + idle)} (percentages below are of busy samples)`];
  lines.push('', 'Self time by package:');
  for (const [k, v] of rank(selfByPackage, 12)) {
    lines.push(`  ${percent(v, busy)}  ${k}`);
  }
  lines.push('', `Top ${top} functions by self time:`);
  for (const [k, v] of rank(selfByFn, top)) {
    lines.push(`  ${percent(v, busy)}  ${k}`);
  }
  lines.push('', `Top functions by inclusive time (outside node internals and the root frames):`);
  const interesting = new Map([...inclusive].filter(([k]) => !/ node:|^\(root\)|^\(anonymous\) :|^processTicksAndRejections/.test(k)));
  for (const [k, v] of rank(interesting, 2 * top)) {
    lines.push(`  ${percent(v, busy)}  ${k}`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (file === undefined) {
    throw new Error('usage: profile-summary.ts file.cpuprofile [windowSeconds]');
  }
  console.log(summariseProfile(file, Number(process.argv[3] ?? 1e9)));
}
