/** What `npm run bench:marac` asks of a child process and what the child answers. */

/** The scenarios: one or eight copies, plain (no watermark, no redaction) or per recipient. */
export const SCENARIOS = ['plain-1', 'copy-1', 'plain-8', 'copy-8'] as const;
/** A scenario a child generates. */
export type Scenario = (typeof SCENARIOS)[number];

/** What a child reports. */
export interface PackChildResult {
  scenario: Scenario;
  /** Starting the engine: compiler, fonts, template, one small pack. */
  startMs: number;
  /** Generating the scenario's copies: wall time. */
  ms: number;
  /** The same, in CPU time (user + system, all threads): steadier than wall time on a busy machine. */
  cpuMs: number;
  pages: number[];
  megabytes: number[];
  /** Peak resident memory of the whole process (Node, tsx, engine), in MB. */
  peakRssMb: number;
}
