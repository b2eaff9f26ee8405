/** Chooses the SQLite addon file: Node's default build under Node, an Electron-ABI copy under Electron (docs/architecture.md). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The folder under node_modules where scripts/postinstall.mjs puts the Electron-ABI build (keep both in step). */
export const ELECTRON_BINDING_DIR = '.casebridge-electron';
/** The addon's file name, as better-sqlite3-multiple-ciphers builds it. */
export const BINDING_FILE = 'better_sqlite3.node';

/** What the choice depends on; `exists` is injected so the choice is testable without files. */
export interface BindingContext {
  /** `process.versions`; only `electron` matters. */
  versions: Partial<Record<string, string>>;
  /** The project folder holding node_modules; unpackaged runs only (inside app.asar an addon cannot load). */
  projectRoot?: string;
  /** `process.resourcesPath` in a packaged app. */
  resourcesPath?: string;
  /** An explicit path (CASEBRIDGE_ELECTRON_SQLITE_BINDING, unpackaged runs only); wins when set. */
  override?: string;
  exists?: (path: string) => boolean;
}

/**
 * The `nativeBinding` to pass to better-sqlite3, or undefined for its default lookup. Under Node
 * the default (the Node build) is always right; under Electron an Electron-ABI copy is used when
 * one exists, else the default (a packaged app whose node_modules electron-builder rebuilt).
 */
export function resolveSqliteBinding(context: BindingContext): string | undefined {
  if (!context.versions.electron) {
    return undefined;
  }
  if (context.override) {
    return context.override;
  }
  const exists = context.exists ?? existsSync;
  const candidates = [
    ...(context.projectRoot ? [join(context.projectRoot, 'node_modules', ELECTRON_BINDING_DIR, BINDING_FILE)] : []),
    ...(context.resourcesPath ? [join(context.resourcesPath, BINDING_FILE)] : []),
  ];
  return candidates.find((candidate) => exists(candidate));
}
