/** Starting the benchmark's child processes, and running autocannon as one. */
import { execFile, fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ReadyMessage } from './child-protocol.ts';

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);

/** A child listening on a loopback port. */
export interface Child {
  url: string;
  stop(): Promise<void>;
}

/** Forks `bench/server-bench/<script>` under tsx, waits for its URL; `nodeArgs` e.g. `--cpu-prof`. */
export async function startChild(script: string, args: readonly string[], nodeArgs: readonly string[] = []): Promise<Child> {
  const child: ChildProcess = fork(join(here, script), [...args], { execArgv: ['--import', 'tsx', ...nodeArgs], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('message', (m) => resolve((m as ReadyMessage).url));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  return {
    url,
    stop: async () => {
      if (child.connected) {
        child.send('stop');
      }
      await exited;
    },
  };
}

/** What one autocannon run measured. */
export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Non-2xx answers, errors and timeouts: any of these makes the figure meaningless. */
  failures: number;
}

const autocannonBin = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');

/** Runs autocannon in its own process against `url` for `seconds` with `connections` kept busy. */
export async function loadTest(url: string, headers: Record<string, string>, seconds: number, connections: number): Promise<LoadResult> {
  const headerArgs = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}=${v}`]);
  const { stdout } = await run(process.execPath, [autocannonBin, '-c', String(connections), '-d', String(seconds), '-j', ...headerArgs, url], {
    maxBuffer: 16 * 1024 * 1024,
  });
  const r = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, requests: r.requests.total, failures: r.non2xx + r.errors + r.timeouts };
}
