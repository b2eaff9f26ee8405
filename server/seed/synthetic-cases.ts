/**
 * Synthetic cases: realistic case types per agency kind, titled after the invented person and
 * place the seed chose for them (synthetic-names.ts, synthetic-places.ts), so they describe nobody.
 */
import type { AgencyKind, DefaultCaseType, RiskLevel, SharingLevel } from '../../domain/vocabulary.ts';
import type { SeededRandom } from './seeded-random.ts';

const TYPES_BY_KIND: Record<AgencyKind, readonly DefaultCaseType[]> = {
  police: ['asb', 'domestic_abuse_marac', 'iom', 'hate_crime', 'modern_slavery', 'vulnerable_persons_panel', 'prevent_channel'],
  council: ['asb', 'vulnerable_persons_panel', 'troubled_families', 'rough_sleeping', 'licensing', 'early_help', 'safeguarding', 'unauthorised_encampment'],
  housing: ['asb', 'staff_safety', 'rough_sleeping', 'vulnerable_persons_panel'],
  fire: ['vulnerable_persons_panel', 'safeguarding', 'staff_safety'],
  probation: ['iom', 'domestic_abuse_marac', 'staff_safety'],
  health: ['safeguarding', 'vulnerable_persons_panel', 'domestic_abuse_marac'],
  charity: ['victim_services', 'domestic_abuse_marac', 'hate_crime'],
};

type TitleMaker = (name: string, street: string, place: string) => string;
const TITLES: Record<DefaultCaseType, readonly TitleMaker[]> = {
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
  caseType: DefaultCaseType;
  riskLevel: RiskLevel;
  sharingLevel: SharingLevel;
  open: boolean;
  daysAgo: number;
  /** Sensitive work (Prevent, some DA and exploitation cases) keeps its persons out of search-and-signpost. */
  hiddenFromSearch: boolean;
}

/** The case types an agency of the kind opens. */
export function caseTypeFor(random: SeededRandom, kind: AgencyKind): DefaultCaseType {
  return random.pick(TYPES_BY_KIND[kind]);
}

/** Invents one case of the type, titled after the main person (full name), their street and town. */
export function syntheticCase(random: SeededRandom, caseType: DefaultCaseType, about: { name: string; street: string; town: string }): SyntheticCase {
  const title = random.pick(TITLES[caseType])(about.name, about.street, about.town);
  const highRiskType = caseType === 'domestic_abuse_marac' || caseType === 'modern_slavery';
  const riskLevel: RiskLevel = highRiskType
    ? random.pick(['high', 'high', 'very_high', 'medium'] as const)
    : random.pick(['low', 'medium', 'medium', 'high'] as const);
  const sharingLevel: SharingLevel = random.pick(['owner_agency', 'owner_agency', 'shared', 'shared', 'owner_team', 'owner_only'] as const);
  const hiddenFromSearch = caseType === 'prevent_channel' || (highRiskType && random.chance(0.3));
  return { title, caseType, riskLevel, sharingLevel, open: random.chance(0.8), daysAgo: random.int(0, 400), hiddenFromSearch };
}
