/** The differential bootstrap property (bootstrap-differential.ts) on PostgreSQL, when TEST_DATABASE_URL names one (always under CI). */
import { describeBootstrapDifferential } from './bootstrap-differential.ts';

describeBootstrapDifferential('postgres');
