/**
 * Synthetic MARAC meeting packs for tests and `npm run bench:marac`: invented names built from
 * syllables, invented agencies, flowing research text. No real people.
 */
import { newId } from '../../domain/ids.ts';
import type { MeetingPack, PackAction, PackCase, PackResearch } from '../../domain/marac/meeting-pack.ts';
import type { PackRecipient } from '../../domain/marac/meeting-pack-copy.ts';
import type { Role } from '../../domain/vocabulary.ts';

/** A MARAC partner agency of the synthetic world. */
export interface PackAgency {
  id: string;
  name: string;
  teamId: string;
}

/** The eight agencies a synthetic meeting sits with. */
export function buildPackAgencies(): PackAgency[] {
  return [
    'Northmoor Police', 'Northmoor Council', 'Riverside Housing', 'Northmoor Health Trust',
    'Probation Service North', "Children's Services", 'Safe Haven IDVA Service', 'Northmoor Fire and Rescue',
  ].map((name) => ({ id: newId(), name, teamId: newId() }));
}

/** A recipient in `agency` (a MARAC attendee). */
export function buildRecipient(agency: PackAgency, name: string, role: Role = 'practitioner'): PackRecipient {
  return { user: { id: newId(), agencyId: agency.id, teamIds: [agency.teamId], role }, name, agencyName: agency.name };
}

/** A small deterministic random source, so every run builds the same text. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'lo', 'mi', 'ren', 'tas', 'vel', 'dor', 'fen', 'gri', 'hal', 'jun', 'mar', 'nop', 'sel', 'tor', 'wyn'];
const WORDS = [
  'the', 'victim', 'reported', 'an', 'incident', 'at', 'home', 'officers', 'attended', 'and', 'recorded', 'a', 'history', 'of',
  'controlling', 'behaviour', 'housing', 'has', 'noted', 'rent', 'arrears', 'since', 'spring', 'school', 'says', 'attendance',
  'fell', 'health', 'visitor', 'saw', 'injuries', 'consistent', 'with', 'her', 'account', 'no', 'contact', 'order', 'was',
  'breached', 'twice', 'in', 'october', 'support', 'offered', 'accepted', 'declined', 'later', 'phone', 'safe', 'to', 'call',
];

/** A syllable-built name such as "Kalo Mirentas". */
export function syntheticName(rand: () => number): string {
  const word = (n: number) => {
    let w = '';
    for (let i = 0; i < n; i += 1) {
      w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    }
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  return `${word(2)} ${word(2 + Math.floor(rand() * 2))}`;
}

/** `sentences` sentences of flowing text. */
export function syntheticProse(rand: () => number, sentences: number): string {
  const out: string[] = [];
  for (let s = 0; s < sentences; s += 1) {
    const length = 10 + Math.floor(rand() * 14);
    const words: string[] = [];
    for (let w = 0; w < length; w += 1) {
      words.push(WORDS[Math.floor(rand() * WORDS.length)] ?? 'the');
    }
    const sentence = words.join(' ');
    out.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
  }
  return out.join(' ');
}

/** A research item of `agency`, following the case unless overridden. */
export function buildResearch(agency: PackAgency, overrides: Partial<PackResearch> = {}): PackResearch {
  return {
    id: newId(),
    authorAgencyId: agency.id,
    authorAgencyName: agency.name,
    authorTeamId: agency.teamId,
    authorUserId: newId(),
    sharingLevel: 'case',
    sharedAgencyIds: [],
    sharedTeamIds: [],
    sharedUserIds: [],
    nature: 'fact',
    text: 'Held on record.',
    recordedAt: '2026-11-30T10:00:00.000Z',
    ...overrides,
  };
}

/** An action owned by `agency`. */
export function buildAction(agency: PackAgency, overrides: Partial<PackAction> = {}): PackAction {
  return {
    id: newId(),
    description: 'Carry out a joint home visit and review the safety plan.',
    ownerAgencyId: agency.id,
    ownerAgencyName: agency.name,
    ownerTeamId: null,
    ownerUserId: null,
    dueOn: '2026-12-24',
    status: 'open',
    ...overrides,
  };
}

/** An agenda case owned by the first agency and shared with all of `agencies`, unless overridden. */
export function buildPackCase(agencies: readonly PackAgency[], overrides: Partial<PackCase> = {}): PackCase {
  const owner = agencies[0];
  if (owner === undefined) {
    throw new Error('a pack case needs an owner agency');
  }
  return {
    caseId: newId(),
    reference: 'MA-0001',
    emergency: false,
    access: {
      ownerAgencyId: owner.id,
      ownerTeamId: owner.teamId,
      ownerUserId: null,
      sharingLevel: 'shared',
      sharedAgencyIds: agencies.map((a) => a.id),
      sharedTeamIds: [],
      sharedUserIds: [],
      grants: [],
    },
    referral: {
      referringAgencyName: owner.name,
      referredOn: '2026-11-20',
      victimName: 'Kalo Mirentas',
      perpetratorNames: ['Dorfen Halgri'],
      summary: 'Referred after a high-risk DASH assessment.',
    },
    dash: { score: 15, band: 'high', raisedByJudgement: false, questionnaireVersion: '2009-v1' },
    criteria: ['visible_high_risk'],
    repeat: false,
    children: [],
    research: [],
    actions: [],
    ...overrides,
  };
}

/** Options of a whole synthetic meeting. */
export interface BuildMeetingOptions {
  cases: number;
  /** Research items per agency per case (default 1). */
  researchPerAgency?: number;
  /** Sentences in each research item (default 6). */
  sentences?: number;
  seed?: number;
}

/**
 * A whole meeting of `cases` cases, each shared with every agency, each agency adding research
 * (fact or opinion, a few restricted to the author's own agency) and owning actions.
 */
export function buildMeetingPack(agencies: readonly PackAgency[], options: BuildMeetingOptions): MeetingPack {
  const rand = seededRandom(options.seed ?? 7);
  const perAgency = options.researchPerAgency ?? 1;
  const sentences = options.sentences ?? 6;
  const cases: PackCase[] = [];
  for (let i = 0; i < options.cases; i += 1) {
    const owner = agencies[i % agencies.length] ?? agencies[0];
    if (owner === undefined) {
      throw new Error('a meeting needs agencies');
    }
    const ordered = [owner, ...agencies.filter((a) => a !== owner)];
    const score = 10 + Math.floor(rand() * 12);
    // Every third medium score is raised to high by professional judgement.
    const research = agencies.flatMap((a, j) => Array.from({ length: perAgency }, (_, k) => buildResearch(a, {
      nature: (j + k) % 3 === 2 ? 'opinion' : 'fact',
      text: syntheticProse(rand, sentences),
      // Every fifth item is kept to its own agency, as police intelligence often is.
      sharingLevel: (i + j + k) % 5 === 0 ? 'owner_agency' : 'case',
    })));
    cases.push(buildPackCase(ordered, {
      reference: `MA-${String(1001 + i)}`,
      emergency: i === options.cases - 1,
      referral: {
        referringAgencyName: owner.name,
        referredOn: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
        victimName: syntheticName(rand),
        perpetratorNames: [syntheticName(rand)],
        summary: syntheticProse(rand, 4),
      },
      dash: score < 14 && i % 3 === 0
        ? { score, band: 'high', raisedByJudgement: true, questionnaireVersion: '2009-v1' }
        : { score, band: score >= 14 ? 'high' : 'medium', raisedByJudgement: false, questionnaireVersion: '2009-v1' },
      criteria: score >= 14 ? ['visible_high_risk'] : ['professional_judgement', 'potential_escalation'],
      repeat: i % 4 === 0,
      children: Array.from({ length: i % 3 }, (_, c) => ({
        name: syntheticName(rand),
        dateOfBirth: `20${String(12 + c * 3 + (i % 5)).padStart(2, '0')}-0${String(1 + c)}-15`,
        relationshipToVictim: 'Son',
        relationshipToPerpetrator: c === 0 ? 'Son' : 'Stepson',
        school: c === 0 ? 'Northmoor Primary' : null,
      })),
      research,
      actions: agencies.slice(0, 3).map((a, k) => buildAction(a, {
        description: syntheticProse(rand, 1),
        dueOn: `2026-12-${String(10 + k * 5).padStart(2, '0')}`,
        status: k === 1 ? 'in_progress' : 'open',
      })),
    }));
  }
  return {
    meeting: {
      id: newId(),
      date: '2026-12-10',
      area: 'Northmoor and Riverside',
      chair: 'DI Velor Kasmith',
      coordinator: 'Halwyn Torsel',
      confidentialityStatement:
        'The information in this pack is shared for the purpose of the MARAC only. It must not be copied, forwarded or disclosed ' +
        'outside your agency without the agreement of the agency that provided it. Return or destroy this copy after the meeting.',
    },
    cases,
  };
}
