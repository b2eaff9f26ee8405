import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SarItem } from '../entities/sar.ts';
import { redactPart, replaceTerms, THIRD_PARTY_MARK } from './redact-part.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const report = (n: number, text: string): SarItem => ({ type: 'report', id: id(n), at: '2026-11-01T09:00:00.000Z', fields: [{ label: 'Text', value: text }] });
const none = { discloseThirdParties: [], omitRecords: [], redactTexts: [] };
const brother = { personId: id(100), givenName: 'Tobias', familyName: 'Wrenfield', aliases: ['Toby Wren'] };
const neighbour = { personId: id(101), givenName: 'Marguerite', familyName: 'Osei', aliases: [] };

describe('redacting a part', () => {
  it("replaces every flagged third party's names, whole words only, and keeps the subject's own family name", () => {
    const part = redactPart([report(1, 'Tobias Wrenfield and Toby Wren visited; Tobiasson did not. Marguerite OSEI called. Subject Ada Wrenfield present.')],
      [brother, neighbour], 'Wrenfield', none);
    expect(part.items[0]!.fields[0]!.value).toBe('[third party] and [third party] visited; Tobiasson did not. [third party] called. Subject Ada Wrenfield present.');
    expect(part.records.map((r) => [r.kind, r.thirdPartyPersonId, r.redacted, r.occurrences])).toEqual([
      ['third_party_name', brother.personId, true, 2], ['third_party_name', neighbour.personId, true, 1],
    ]);
    // A redacted third party is neither named nor identified in the part itself.
    expect(part.thirdParties).toEqual([]);
    expect(JSON.stringify(part.items)).not.toContain(brother.personId);
  });

  it('discloses a third party only with a reason, and records that decision too', () => {
    const part = redactPart([report(1, 'Marguerite Osei called.')], [neighbour], 'Wrenfield',
      { ...none, discloseThirdParties: [{ personId: neighbour.personId, reason: 'Consent given in writing 2 Dec' }] });
    expect(part.items[0]!.fields[0]!.value).toBe('Marguerite Osei called.');
    expect(part.thirdParties).toEqual([{ personId: neighbour.personId, name: 'Marguerite Osei', redacted: false }]);
    expect(part.records).toEqual([expect.objectContaining({ kind: 'third_party_name', redacted: false, reason: 'Consent given in writing 2 Dec' })]);
  });

  it('leaves out named records and replaces passages, counting them', () => {
    const part = redactPart([report(1, 'Keep this. Secret plan here.'), report(2, 'Gone entirely.')], [], 'X', {
      ...none, omitRecords: [{ type: 'report', id: id(2), reason: 'Prejudice to an investigation' }],
      redactTexts: [{ text: 'Secret plan', reason: 'Operational detail, Sch. 2 para. 2' }],
    });
    expect(part.items).toEqual([report(1, 'Keep this. [redacted] here.')]);
    expect(part.records.map((r) => [r.kind, r.recordId, r.occurrences])).toEqual([['record', id(2), 1], ['text', null, 1]]);
  });

  it("keeps a code's words beside it, unless a redaction changed the code", () => {
    const kase: SarItem = { type: 'case', id: id(3), at: '2026-11-01T09:00:00.000Z', fields: [
      { label: 'Type', value: 'hate_crime', text: 'Hate crime' }, { label: 'Status', value: 'open', text: 'Open' },
    ] };
    const kept = redactPart([kase], [], 'X', none);
    expect(kept.items[0]!.fields).toEqual(kase.fields);
    const redacted = redactPart([kase], [], 'X', { ...none, redactTexts: [{ text: 'hate_crime', reason: 'Would identify the complaint' }] });
    expect(redacted.items[0]!.fields).toEqual([{ label: 'Type', value: '[redacted]' }, { label: 'Status', value: 'open', text: 'Open' }]);
  });

  it('refuses a third party or a record that is not in the part', () => {
    expect(() => redactPart([report(1, 'x')], [], 'X', { ...none, discloseThirdParties: [{ personId: id(5), reason: 'Consent given in writing' }] }))
      .toThrow(expect.objectContaining({ code: 'validation_error' }));
    expect(() => redactPart([report(1, 'x')], [], 'X', { ...none, omitRecords: [{ type: 'task', id: id(1), reason: 'Not relevant at all' }] }))
      .toThrow(expect.objectContaining({ code: 'validation_error' }));
  });

  it('for any text with a name in it, no redacted name survives as a whole word', () => {
    const word = fc.stringMatching(/^[A-Za-z]{2,10}$/);
    fc.assert(fc.property(word, word, fc.array(fc.oneof(word, fc.constantFrom(' ', ', ', '. ', '\n')), { maxLength: 20 }), (given, family, filler) => {
      const text = [...filler, ` ${given} ${family} `, ...filler].join('');
      const out = replaceTerms(text, [`${given} ${family}`, given, family], THIRD_PARTY_MARK).text;
      const words = out.split(/[^A-Za-z]+/).map((w) => w.toLowerCase());
      expect(words).not.toContain(given.toLowerCase());
      expect(words).not.toContain(family.toLowerCase());
    }));
  });
});
