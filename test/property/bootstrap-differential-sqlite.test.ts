/** The differential bootstrap property (bootstrap-differential.ts) on SQLite. */
import { describeBootstrapDifferential } from './bootstrap-differential.ts';

describeBootstrapDifferential('sqlite');
