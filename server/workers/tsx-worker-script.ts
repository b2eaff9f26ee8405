/**
 * The source of a worker thread that runs a TypeScript module: the server runs from TypeScript
 * under tsx, and a Worker does not inherit `--import tsx`, so the thread registers tsx itself and
 * then imports the module. Start it with `new Worker(tsxWorkerScript(url), { eval: true })`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The eval source that loads `moduleUrl` (a file URL of a .ts module) in a worker thread. */
export function tsxWorkerScript(moduleUrl: URL): string {
  const packageFile = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(packageFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(packageFile), manifest.exports['./esm/api']!.import.default)).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(moduleUrl.href)}); });`;
}
