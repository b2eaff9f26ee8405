/**
 * What the demo world writes on a case: who is in it (roles per case type), reports, tasks and
 * warning markers — stock practitioner phrasing with the invented names filled in.
 */
import type { DefaultCaseType, MarkerType, ReportKind, SubjectRole } from '../../domain/vocabulary.ts';
import type { SeededRandom } from './seeded-random.ts';

/** The role of the person a case is titled after, and the roles others in it may have. */
export interface RolePlan {
  main: SubjectRole;
  others: readonly SubjectRole[];
}

/** Roles per case type: the titled person first, then who else tends to be recorded. */
export const ROLE_PLANS: Record<DefaultCaseType, RolePlan> = {
  asb: { main: 'perpetrator', others: ['victim', 'witness', 'associate'] },
  vulnerable_persons_panel: { main: 'subject', others: ['family_member', 'associate'] },
  iom: { main: 'subject', others: ['associate', 'family_member'] },
  domestic_abuse_marac: { main: 'victim', others: ['perpetrator', 'child'] },
  troubled_families: { main: 'family_member', others: ['child', 'child', 'family_member'] },
  prevent_channel: { main: 'subject', others: ['family_member'] },
  modern_slavery: { main: 'victim', others: ['suspect', 'witness'] },
  hate_crime: { main: 'victim', others: ['suspect', 'witness'] },
  rough_sleeping: { main: 'subject', others: ['associate'] },
  licensing: { main: 'subject', others: ['witness'] },
  unauthorised_encampment: { main: 'subject', others: ['associate', 'child'] },
  staff_safety: { main: 'subject', others: ['associate'] },
  victim_services: { main: 'victim', others: ['suspect', 'family_member'] },
  early_help: { main: 'family_member', others: ['child', 'child'] },
  safeguarding: { main: 'subject', others: ['family_member', 'associate'] },
};

/** A report to write: kind, title and body. */
export interface ReportText {
  kind: ReportKind;
  title: string;
  body: string;
}

type ReportMaker = (name: string, agency: string, date: string) => ReportText;
const REPORTS: readonly ReportMaker[] = [
  (n, a) => ({ kind: 'contact', title: 'Home visit', body: `Visited ${n} at home with a colleague from ${a}. Engaged at the door, declined to let us in. Advised of support available and left contact details.` }),
  (n) => ({ kind: 'contact', title: 'Telephone contact', body: `Spoke with ${n} by telephone. Reports things are calmer this week; agreed to a follow-up call in seven days.` }),
  (n, a, d) => ({ kind: 'assessment', title: 'Initial risk assessment', body: `Risk assessment completed on ${d} by ${a}. Concerns: repeat incidents, limited support network. Protective factors: engages with services when contacted.` }),
  (n) => ({ kind: 'research', title: 'Background checks', body: `Checks on ${n} completed. Two previous contacts recorded with partner agencies; nothing further of note.` }),
  (n, a) => ({ kind: 'update', title: 'Partnership meeting update', body: `Case discussed at the partnership meeting. ${a} to continue as lead. ${n} to be offered a referral to the local support service.` }),
  (n) => ({ kind: 'plan', title: 'Action plan agreed', body: `Plan agreed: weekly contact with ${n}, review of tenancy conditions, and a joint visit within 14 days.` }),
  (n, a) => ({ kind: 'update', title: 'Incident reported', body: `Further incident reported to ${a} by a neighbour. ${n} spoken to; account noted. No injuries reported.` }),
  (n, _a, d) => ({ kind: 'contact', title: 'Letter sent', body: `Warning letter sent to ${n} on ${d}, setting out the behaviour expected and the next steps if it continues.` }),
];

/** One report text for the case's main person, written by the agency on the date (en-GB). */
export function reportText(random: SeededRandom, name: string, agencyName: string, date: string): ReportText {
  return random.pick(REPORTS)(name, agencyName, date);
}

const TASKS: ReadonlyArray<(name: string) => { title: string; description: string }> = [
  (n) => ({ title: `Joint visit to ${n}`, description: 'Arrange a joint visit with the partner agency and record the outcome as a contact report.' }),
  () => ({ title: 'Chase GP for information', description: 'Request relevant health information under the information-sharing agreement.' }),
  (n) => ({ title: `Review safety plan with ${n}`, description: 'Go through the safety plan and update it if circumstances have changed.' }),
  () => ({ title: 'Update the risk assessment', description: 'Re-score the risk assessment after the latest incident.' }),
  () => ({ title: 'Check CCTV from the shops', description: 'Ask the shop manager for footage covering the reported times.' }),
  () => ({ title: 'Send warning letter', description: 'Second warning letter under the acceptable behaviour contract.' }),
  () => ({ title: 'Home fire safety check', description: 'Book a home fire safety visit; fit smoke alarms if needed.' }),
];

/** One task title and description about the case's main person. */
export function taskText(random: SeededRandom, name: string): { title: string; description: string } {
  return random.pick(TASKS)(name);
}

/** Warning texts per marker type; staff safety ones tell a visitor what to do. */
export const MARKER_TEXTS: Record<Extract<MarkerType, 'staff_safety' | 'violence' | 'vulnerability' | 'mental_health' | 'weapons'>, readonly string[]> = {
  staff_safety: [
    'Do not visit alone: threats made to staff at the last visit.',
    'Large dog on premises: call ahead so it is secured before visiting.',
    'Verbally aggressive towards female staff; visit in pairs.',
    'Has followed staff to their vehicle; park away from the address.',
  ],
  violence: ['History of violence towards neighbours.', 'Assaulted a partner in the past year.'],
  vulnerability: ['Cognitive impairment: explain things slowly and check understanding.', 'At risk of exploitation by visitors to the address.'],
  mental_health: ['Recent mental health crisis; liaise with the community mental health team before contact.'],
  weapons: ['Reported to keep a knife by the front door.'],
};
