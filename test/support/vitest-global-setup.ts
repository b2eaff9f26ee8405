/** Runs once per vitest run, before any test file: the migrated database templates server suites copy (migrated-templates.ts). */
import { createMigratedTemplates } from './migrated-templates.ts';

export default async function setup(): Promise<() => Promise<void>> {
  const templates = await createMigratedTemplates();
  return () => templates.drop();
}
