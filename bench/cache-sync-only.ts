/** `npm run bench:cache-sync` (not a test): only the initial sync part of `npm run bench:cache`, BENCH_SYNC_CASES cases (default 20,000). */
import { openBenchCache } from './cache-bench-open.ts';
import { benchInitialSync, printInitialSync } from './cache-sync-bench.ts';

printInitialSync(await benchInitialSync(Number(process.env.BENCH_SYNC_CASES ?? 20_000), openBenchCache));
