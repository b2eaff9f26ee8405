/**
 * Layer rules of docs/architecture.md, checked on every `npm test`.
 * Each rule names the folder and what it may not import.
 */
const NODE_BUILTIN = { dependencyTypes: ['core'] };

module.exports = {
  forbidden: [
    { name: 'domain-is-pure', severity: 'error', comment: 'domain/ imports nothing from the repo and no node:*, DOM, electron or I/O library',
      from: { path: '^domain/', pathNot: '\\.test\\.tsx?$' }, to: { pathNot: ['^domain/', '^node_modules/(zod)/'] } },
    { name: 'domain-no-node', severity: 'error', from: { path: '^domain/', pathNot: '\\.test\\.tsx?$' }, to: NODE_BUILTIN },
    { name: 'db-only-domain', severity: 'error', comment: 'db/ may import domain/ only (plus kysely)',
      from: { path: '^db/' }, to: { path: '^(server|main|electron|renderer)/' } },
    { name: 'server-not-desktop', severity: 'error', comment: 'server/ may not import main/, electron/ or renderer/',
      from: { path: '^server/' }, to: { path: ['^(main|electron|renderer)/', '^node_modules/electron/'] } },
    { name: 'main-no-electron', severity: 'error', comment: 'main/ is pure Node: no electron, renderer or server',
      from: { path: '^main/' }, to: { path: ['^(electron|renderer|server)/', '^node_modules/electron/', '^node_modules/electron-store/'] } },
    { name: 'main-no-electron-core', severity: 'error', from: { path: '^main/' }, to: { dependencyTypes: ['core'], path: '^electron$' } },
    { name: 'electron-not-ui-or-server', severity: 'error', comment: 'electron/ may import main/ and domain/, never renderer/ or server/',
      from: { path: '^electron/' }, to: { path: '^(renderer|server)/' } },
    { name: 'renderer-only-domain', severity: 'error', comment: 'renderer/ talks only to domain/ and UI libraries',
      from: { path: '^renderer/' }, to: { path: ['^(main|db|server|electron)/', '^node_modules/(electron|better-sqlite3-multiple-ciphers|pg|kysely|axios|fastify|@napi-rs|@node-rs)/'] } },
    { name: 'renderer-no-node', severity: 'error', from: { path: '^renderer/' }, to: NODE_BUILTIN },
    { name: 'export-verifier-stands-alone', severity: 'error',
      comment: 'the offline export verifier (docs/audit.md) reads only domain/ code, so anyone can audit or rewrite it',
      from: { path: '^server/cli/audit-verify-export[^/]*\\.ts$' }, to: { path: '^(server|db|main|electron|renderer)/' } },
    { name: 'no-circular', severity: 'error', comment: 'no module imports itself through others: cycles make load order and ownership unclear',
      from: {}, to: { circular: true } },
    { name: 'no-unresolvable', severity: 'error', from: {}, to: { couldNotResolve: true } },
    { name: 'not-to-test-from-src', severity: 'error', comment: 'product code never imports test code',
      from: { path: '^(domain|db|server|main|electron|renderer)/', pathNot: '\\.test\\.tsx?$' }, to: { path: '^test/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.d.ts'] },
  },
};
