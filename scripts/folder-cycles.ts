/**
 * Folder-level import cycles, which dependency-cruiser's module-level `no-circular` cannot see:
 * `main/cache/a.ts → main/sync/b.ts → main/cache/c.ts` has no module cycle but makes two folders
 * depend on each other. Each module counts as its folder, two levels deep (`main/cache`,
 * `server/cases`; `main/paths.ts` is `main`). Unit tests beside their source are left out: nothing
 * imports a test file, so a test that imports test support (which imports the folder under test)
 * adds no cycle between the product's folders.
 *
 * `npx tsx scripts/folder-cycles.ts [folders…]` lists the cycles with the imports that close them.
 * test/layers/folder-cycles.test.ts keeps every folder at none.
 */
import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

/** The part of dependency-cruiser's JSON output this reads. */
interface CruisedModule {
  source: string;
  dependencies: readonly { resolved: string; coreModule?: boolean; couldNotResolve?: boolean }[];
}

/** A set of folders that import each other, round; `imports` names one import for each folder-to-folder edge inside it. */
export interface FolderCycle {
  folders: string[];
  imports: string[];
}

const ALL_FOLDERS = ['domain', 'db', 'server', 'main', 'electron', 'renderer', 'scripts', 'test'];
const TEST_FILE = /\.test\.tsx?$/;

/** The folder a module counts as. */
export function folderOf(path: string): string {
  const parts = path.split('/');
  return parts.length <= 2 ? parts[0]! : `${parts[0]}/${parts[1]}`;
}

/**
 * The rule-breaking probe files test/layers/layer-rules.test.ts writes for a moment; vitest may run that
 * file beside a whole-tree cruise, which must not see them.
 */
const LAYER_PROBES = '^dist/|zz-layer-probe|zz-cycle-probe|[.]zz-probe[.]';

/** Runs dependency-cruiser with the repo's config over `folders` and returns its modules. */
export async function cruise(folders: readonly string[] = ALL_FOLDERS): Promise<CruisedModule[]> {
  const exclude = folders === ALL_FOLDERS ? ['--exclude', LAYER_PROBES] : [];
  const { stdout } = await promisify(execFile)('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', ...exclude, ...folders, '--output-type', 'json'],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return (JSON.parse(stdout) as { modules: CruisedModule[] }).modules;
}

/** The strongly connected components of more than one folder (Tarjan), each sorted, in a stable order. */
export function folderCycles(modules: readonly CruisedModule[]): FolderCycle[] {
  const edges = new Map<string, Map<string, string>>();
  for (const m of modules) {
    if (m.source.startsWith('node_modules/') || TEST_FILE.test(m.source)) {
      continue;
    }
    const from = folderOf(m.source);
    for (const d of m.dependencies) {
      if (d.coreModule === true || d.couldNotResolve === true || d.resolved.startsWith('node_modules/')) {
        continue;
      }
      const to = folderOf(d.resolved);
      if (to !== from) {
        const out = edges.get(from) ?? new Map<string, string>();
        edges.set(from, out);
        if (!out.has(to)) {
          out.set(to, `${m.source} → ${d.resolved}`);
        }
      }
    }
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: FolderCycle[] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) {
        const inside = new Set(component);
        const imports = component.flatMap((a) => [...(edges.get(a) ?? [])].filter(([b]) => inside.has(b)).map(([, why]) => why));
        cycles.push({ folders: component.sort(), imports: imports.sort() });
      }
    }
  };
  for (const v of [...edges.keys()].sort()) {
    if (!index.has(v)) {
      visit(v);
    }
  }
  return cycles.sort((a, b) => a.folders[0]!.localeCompare(b.folders[0]!));
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const folders = process.argv.slice(2);
  const cycles = folderCycles(await cruise(folders.length > 0 ? folders : ALL_FOLDERS));
  for (const cycle of cycles) {
    console.log(`${cycle.folders.join(' ↔ ')}\n${cycle.imports.map((i) => `    ${i}`).join('\n')}`);
  }
  console.log(`${cycles.length} folder-level cycle${cycles.length === 1 ? '' : 's'}`);
}
