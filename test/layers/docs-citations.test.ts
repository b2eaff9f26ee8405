/** The project stands alone: the README and code cite the notes in docs/, which exist, never a document outside the repository. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SOURCE_FOLDERS = ['domain', 'db', 'server', 'main', 'electron', 'renderer', 'scripts', 'test', 'bench', 'build'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|tsx|js|mjs|cjs|css|md|yml|yaml|json|admx|adml|html)$/.test(name) ? [path] : [];
  });
}

const sources = [join(root, 'README.md'), join(root, 'eslint.config.js'), join(root, '.dependency-cruiser.cjs'), ...SOURCE_FOLDERS.filter((f) => existsSync(join(root, f))).flatMap((f) => filesUnder(join(root, f)))];

describe('documentation citations', () => {
  it('never cite a design document outside the repository', () => {
    const outside = sources.filter((file) => /DESIGN\.md|STYLE\.md|\.\.\/shared\//.test(readFileSync(file, 'utf8')) && !file.endsWith('docs-citations.test.ts'));
    expect(outside.map((f) => relative(root, f))).toEqual([]);
  });

  it('cite only notes that exist in docs/', () => {
    const cited = new Set(sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/docs\/([a-z-]+\.md)/g)].map((m) => m[1]!)));
    expect(cited.size).toBeGreaterThan(5);
    expect([...cited].filter((name) => !existsSync(join(root, 'docs', name)))).toEqual([]);
  });
});
