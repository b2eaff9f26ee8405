/**
 * The words the pack template prints, worked out here (en-GB dates, labels) so the Typst template
 * only lays them out. Every string reaches Typst as JSON data and is shown as a string value,
 * never parsed as markup (docs/marac.md).
 */
import type { CopyCase, MeetingPackCopy } from '../../../domain/marac/meeting-pack-copy.ts';
import type { PackActionStatus } from '../../../domain/marac/meeting-pack.ts';
import { DASH_BAND_LABELS } from '../../../domain/marac/dash-scoring.ts';
import { REFERRAL_CRITERION_LABELS } from '../../../domain/marac/referral-criteria.ts';

/** Pack times are printed as people at the meeting read them. */
const PACK_TIME_ZONE = 'Europe/London';

const STATUS_LABELS: Record<PackActionStatus, string> = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' };

/** A printed row of the action plan (and of a case's outstanding actions). */
export interface PrintAction {
  reference: string;
  description: string;
  owner: string;
  due: string;
  status: string;
}

/** A printed research item. */
export interface PrintResearch {
  agency: string;
  recorded: string;
  restricted: boolean;
  text: string;
}

/** A printed agenda case. */
export interface PrintCase {
  number: string;
  reference: string;
  emergency: boolean;
  victim: string;
  perpetrators: string;
  referringAgency: string;
  referredOn: string;
  summary: string;
  dashScore: string;
  dashBand: string;
  dashNote: string;
  criteria: string[];
  repeat: string;
  children: Array<{ name: string; dateOfBirth: string; toVictim: string; toPerpetrator: string; school: string }>;
  facts: PrintResearch[];
  opinions: PrintResearch[];
  actions: PrintAction[];
}

/** Everything the template reads from `sys.inputs.pack`. */
export interface PackPrintData {
  title: string;
  /** The diagonal background text, or null for an unmarked copy (measuring only). */
  watermark: string | null;
  footer: string;
  meeting: { date: string; area: string; chair: string; coordinator: string; confidentiality: string; copyFor: string; generated: string };
  cases: PrintCase[];
  actionPlan: PrintAction[];
}

/** "Thursday 10 December 2026" for a `YYYY-MM-DD` date. */
export function longDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "10/12/2026" for a `YYYY-MM-DD` date. */
export function shortDate(date: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "10/12/2026, 09:30" for an ISO time, in UK time. */
export function dateTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'short', timeStyle: 'short', timeZone: PACK_TIME_ZONE }).format(new Date(iso));
}

/** The watermark of a copy: whose it is and when it was made. */
export function watermarkText(copy: MeetingPackCopy): string {
  return `Copy for ${copy.recipient.name} (${copy.recipient.agencyName}) · ${dateTime(copy.generatedAt)}`;
}

function printActions(c: CopyCase): PrintAction[] {
  return c.actions.map((a) => ({
    reference: c.reference,
    description: a.description,
    owner: a.ownerAgencyName,
    due: shortDate(a.dueOn),
    status: STATUS_LABELS[a.status],
  }));
}

function printCase(c: CopyCase, index: number): PrintCase {
  const research = c.research.map((r) => ({ nature: r.nature, agency: r.authorAgencyName, recorded: dateTime(r.recordedAt), restricted: r.restricted, text: r.text }));
  const strip = ({ nature: _nature, ...rest }: (typeof research)[number]): PrintResearch => rest;
  return {
    number: String(index + 1),
    reference: c.reference,
    emergency: c.emergency,
    victim: c.referral.victimName,
    perpetrators: c.referral.perpetratorNames.length === 0 ? 'None recorded' : c.referral.perpetratorNames.join('; '),
    referringAgency: c.referral.referringAgencyName,
    referredOn: shortDate(c.referral.referredOn),
    summary: c.referral.summary,
    dashScore: `${String(c.dash.score)} of 24`,
    dashBand: DASH_BAND_LABELS[c.dash.band],
    dashNote: c.dash.raisedByJudgement
      ? `Raised by professional judgement (questionnaire ${c.dash.questionnaireVersion})`
      : `Questionnaire ${c.dash.questionnaireVersion}`,
    criteria: c.criteria.map((k) => REFERRAL_CRITERION_LABELS[k]),
    repeat: c.repeat ? 'Yes' : 'No',
    children: c.children.map((child) => ({
      name: child.name,
      dateOfBirth: child.dateOfBirth === null ? 'Not known' : shortDate(child.dateOfBirth),
      toVictim: child.relationshipToVictim ?? 'Not recorded',
      toPerpetrator: child.relationshipToPerpetrator ?? 'Not recorded',
      school: child.school ?? 'Not recorded',
    })),
    facts: research.filter((r) => r.nature === 'fact').map(strip),
    opinions: research.filter((r) => r.nature === 'opinion').map(strip),
    actions: printActions(c),
  };
}

/** The print data of a copy; `watermark: false` leaves the background empty (used only to measure the engine). */
export function packPrintData(copy: MeetingPackCopy, options: { watermark: boolean }): PackPrintData {
  const meetingDate = longDate(copy.meeting.date);
  return {
    title: `MARAC meeting pack: ${copy.meeting.area}, ${meetingDate}`,
    watermark: options.watermark ? watermarkText(copy) : null,
    footer: `MARAC ${copy.meeting.area} · ${shortDate(copy.meeting.date)}`,
    meeting: {
      date: meetingDate,
      area: copy.meeting.area,
      chair: copy.meeting.chair,
      coordinator: copy.meeting.coordinator,
      confidentiality: copy.meeting.confidentialityStatement,
      copyFor: `${copy.recipient.name}, ${copy.recipient.agencyName}`,
      generated: dateTime(copy.generatedAt),
    },
    cases: copy.cases.map(printCase),
    actionPlan: copy.cases.flatMap(printActions),
  };
}
