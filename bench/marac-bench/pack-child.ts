/**
 * One measurement of `npm run bench:marac`, in its own process so its peak memory is its own.
 * Argument: the scenario. The engine is started first on a one-case pack (as in a running server),
 * then the scenario is timed; the child answers `PackChildResult` over IPC and exits.
 */
import { shapeCopy, type PackAdmission } from '../../domain/marac/meeting-pack-copy.ts';
import { renderCopy, renderMeetingPack } from '../../server/marac/pack/render-meeting-pack.ts';
import { benchMeeting } from './bench-meeting.ts';
import { SCENARIOS, type PackChildResult, type Scenario } from './protocol.ts';

/** Admits everything: the same content with no redaction, for the baseline only. */
const EVERYTHING: PackAdmission = { caseVisible: () => true, researchVisible: () => true, actionVisible: () => true };

const scenario = process.argv[2] as Scenario;
if (!SCENARIOS.includes(scenario)) {
  throw new Error(`unknown scenario ${String(process.argv[2])}`);
}
const at = new Date('2026-12-10T09:30:00.000Z');
const { pack, recipients } = benchMeeting();
const count = scenario.endsWith('-8') ? 8 : 1;

const warm = benchMeeting(99);
const startedAt = performance.now();
const firstRecipient = warm.recipients[0];
if (firstRecipient === undefined) {
  throw new Error('no recipient');
}
renderMeetingPack({ ...warm.pack, cases: warm.pack.cases.slice(0, 1) }, firstRecipient, at);
const startMs = performance.now() - startedAt;

const pages: number[] = [];
const megabytes: number[] = [];
const began = performance.now();
const cpuBefore = process.cpuUsage();
for (let i = 0; i < count; i += 1) {
  const recipient = recipients[i];
  if (recipient === undefined) {
    throw new Error(`no recipient ${String(i)}`);
  }
  const rendered = scenario.startsWith('plain')
    ? renderCopy(shapeCopy(pack, { userId: recipient.user.id, name: recipient.name, agencyName: recipient.agencyName }, at.toISOString(), EVERYTHING), { watermark: false })
    : renderMeetingPack(pack, recipient, at);
  pages.push(rendered.pages);
  megabytes.push(rendered.pdf.byteLength / 1e6);
}
const ms = performance.now() - began;
const cpu = process.cpuUsage(cpuBefore);

const result: PackChildResult = { scenario, startMs, ms, cpuMs: (cpu.user + cpu.system) / 1000, pages, megabytes, peakRssMb: process.resourceUsage().maxRSS / 1024 };
process.send?.(result, () => process.exit(0));
