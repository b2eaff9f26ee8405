/**
 * The benchmark's meeting: 30 agenda cases shared with eight agencies, each agency adding research
 * of flowing text (some restricted to itself), children and actions — about 100 A4 pages uncut.
 */
import type { MeetingPack } from '../../domain/marac/meeting-pack.ts';
import type { PackRecipient } from '../../domain/marac/meeting-pack-copy.ts';
import { buildMeetingPack, buildPackAgencies, buildRecipient } from '../../test/support/meeting-pack-factories.ts';

/** Cases on the benchmark's agenda. */
export const BENCH_CASES = Number(process.env.BENCH_CASES ?? 30);
/** Sentences in each research item: sets the page count (about 100 pages at 30 cases). */
export const BENCH_SENTENCES = Number(process.env.BENCH_SENTENCES ?? 11);

/** The meeting and one attendee per agency (eight recipients). */
export function benchMeeting(seed = 7): { pack: MeetingPack; recipients: PackRecipient[] } {
  const agencies = buildPackAgencies();
  const pack = buildMeetingPack(agencies, { cases: BENCH_CASES, sentences: BENCH_SENTENCES, seed });
  const names = ['Tormar Kasel', 'Junsel Farrow', 'Renvel Dorwyn', 'Halmi Grisel', 'Fenlo Marwyn', 'Kadri Selnop', 'Wynta Lorvel', 'Gritor Junmi'];
  return { pack, recipients: agencies.map((a, i) => buildRecipient(a, names[i] ?? `Attendee ${String(i + 1)}`)) };
}
