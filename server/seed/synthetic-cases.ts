/**
 * Synthetic cases: plausible UK names and places, realistic case types per agency kind.
 * Names are drawn from common-name lists and combined at random; they describe nobody.
 */
import type { AgencyKind, CaseType, RiskLevel, SharingLevel } from '../../domain/vocabulary.ts';
import type { SeededRandom } from './seeded-random.ts';

const FIRST_NAMES = [
  'Oliver', 'Amelia', 'Jack', 'Isla', 'Harry', 'Ava', 'George', 'Mia', 'Noah', 'Grace', 'Leo', 'Freya',
  'Mohammed', 'Aisha', 'Kacper', 'Zofia', 'Callum', 'Niamh', 'Rhys', 'Megan', 'Tyler', 'Chloe', 'Dylan', 'Holly',
  'Kwame', 'Abena', 'Darius', 'Priya', 'Connor', 'Shannon', 'Liam', 'Jade', 'Bilal', 'Sana', 'Ewan', 'Caitlin',
] as const;
const SURNAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Robinson', 'Wright', 'Thompson',
  'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Wood', 'Jackson', 'Clarke', 'Hussain', 'Begum',
  'Nowak', 'Kowalski', 'Mensah', 'Okafor', 'McDonald', 'Murphy', 'Kelly', 'Ahmed', 'Patel', 'Khan', 'Lewis', 'Hughes',
] as const;
const STREETS = [
  'Albion Street', 'Station Road', 'Victoria Terrace', 'Mill Lane', 'Chapel Row', 'Church Walk', 'Kings Parade',
  'Canal Side', 'Orchard Close', 'Foundry Court', 'Market Street', 'Park View', 'Queens Drive', 'Bridge End',
] as const;
const PLACES = [
  'Riverton', 'Ashby Vale', 'Northgate', 'Millbrook', 'Eastwick', 'Hollins Park', 'Carden Heath', 'Lowfield', 'Stonebridge',
] as const;

const TYPES_BY_KIND: Record<AgencyKind, readonly CaseType[]> = {
  police: ['asb', 'domestic_abuse_marac', 'iom', 'hate_crime', 'modern_slavery', 'vulnerable_persons_panel', 'prevent_channel'],
  council: ['asb', 'vulnerable_persons_panel', 'troubled_families', 'rough_sleeping', 'licensing', 'early_help', 'safeguarding', 'unauthorised_encampment'],
  housing: ['asb', 'staff_safety', 'rough_sleeping', 'vulnerable_persons_panel'],
  fire: ['vulnerable_persons_panel', 'safeguarding', 'staff_safety'],
  probation: ['iom', 'domestic_abuse_marac', 'staff_safety'],
  health: ['safeguarding', 'vulnerable_persons_panel', 'domestic_abuse_marac'],
  charity: ['victim_services', 'domestic_abuse_marac', 'hate_crime'],
};

type TitleMaker = (name: string, street: string, place: string) => string;
const TITLES: Record<CaseType, readonly TitleMaker[]> = {
  asb: [(n, s, p) => `Noise nuisance and intimidation – ${s}, ${p}`, (n, s, p) => `Youth ASB at ${s} shops, ${p}`, (n) => `Repeat neighbour dispute – ${n}`],
  vulnerable_persons_panel: [(n) => `Self-neglect and hoarding – ${n}`, (n, s, p) => `Vulnerable adult at risk of exploitation – ${p}`, (n) => `Frequent caller, mental health crisis – ${n}`],
  iom: [(n) => `IOM cohort – acquisitive offending – ${n}`, (n, s, p) => `Prolific burglary nominal – ${p}`],
  domestic_abuse_marac: [(n) => `High-risk domestic abuse – victim ${n}`, (n, s, p) => `Repeat DA incidents – ${s}, ${p}`],
  troubled_families: [(n) => `Supporting Families – ${n} household`, (n, s, p) => `School non-attendance and ASB – ${p}`],
  prevent_channel: [(n) => `Channel referral – ${n}`],
  modern_slavery: [(_n, _s, p) => `Suspected labour exploitation – car wash, ${p}`, (_n, s, p) => `Cuckooing concern – ${s}, ${p}`],
  hate_crime: [(n) => `Racially aggravated harassment – ${n}`, (n, s, p) => `Disability hate incidents – ${s}, ${p}`],
  rough_sleeping: [(n, s, p) => `Rough sleeper at ${s}, ${p}`, (n, s, p) => `Street drinking hotspot – ${p} centre`],
  licensing: [(n, s, p) => `Licensed premises review – ${s}, ${p}`],
  unauthorised_encampment: [(n, s, p) => `Unauthorised encampment – ${p} recreation ground`],
  staff_safety: [(n) => `Staff safety warning – ${n}`, (_n, s) => `Aggressive dog and threats to staff – ${s}`],
  victim_services: [(n) => `Victim support – ${n}`, (n, s, p) => `Repeat victim of fraud – ${p}`],
  early_help: [(n) => `Early help assessment – ${n} family`],
  safeguarding: [(n) => `Safeguarding concern – ${n}`, (n, s, p) => `Fire risk: hoarding and smoking – ${s}, ${p}`],
};

/** What the seed needs to invent one case. */
export interface SyntheticCase {
  title: string;
  caseType: CaseType;
  riskLevel: RiskLevel;
  sharingLevel: SharingLevel;
  open: boolean;
  daysAgo: number;
}

/** Invents one case for an agency of the given kind. */
export function syntheticCase(random: SeededRandom, kind: AgencyKind): SyntheticCase {
  const caseType = random.pick(TYPES_BY_KIND[kind]);
  const name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
  const street = `${random.int(1, 180)} ${random.pick(STREETS)}`;
  const title = random.pick(TITLES[caseType])(name, street, random.pick(PLACES));
  const highRiskType = caseType === 'domestic_abuse_marac' || caseType === 'modern_slavery';
  const riskLevel: RiskLevel = highRiskType
    ? random.pick(['high', 'high', 'very_high', 'medium'] as const)
    : random.pick(['low', 'medium', 'medium', 'high'] as const);
  const sharingLevel: SharingLevel = random.pick(['owner_agency', 'owner_agency', 'shared', 'shared', 'owner_team', 'owner_only'] as const);
  return { title, caseType, riskLevel, sharingLevel, open: random.chance(0.8), daysAgo: random.int(0, 400) };
}
