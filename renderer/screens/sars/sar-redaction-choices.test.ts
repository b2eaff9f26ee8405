import { describe, expect, it } from 'vitest';
import { SarRedactionsSchema } from '../../../domain/entities/sar.ts';
import { NO_CHOICES, redactionsOf, toggledOmit } from './sar-redaction-choices.ts';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('redaction choices', () => {
  it('ask for nothing when nothing is chosen', () => {
    expect(redactionsOf(NO_CHOICES)).toEqual({ discloseThirdParties: [], omitRecords: [], redactTexts: [] });
  });

  it('turn disclosures, records left out and passages into redactions the server accepts, dropping a blank passage', () => {
    let choices = toggledOmit(toggledOmit(toggledOmit(NO_CHOICES, `report:${id(1)}`), `dash_assessment:${id(2)}`), `report:${id(1)}`);
    choices = { ...choices, disclosed: { [id(3)]: 'Consent given in writing' }, omitReason: 'Legal advice, privileged', passages: [{ text: '4 Quernstone Row', reason: 'Identifies the neighbour' }, { text: ' ', reason: '' }] };
    const redactions = redactionsOf(choices);
    expect(redactions).toEqual({
      discloseThirdParties: [{ personId: id(3), reason: 'Consent given in writing' }],
      omitRecords: [{ type: 'dash_assessment', id: id(2), reason: 'Legal advice, privileged' }],
      redactTexts: [{ text: '4 Quernstone Row', reason: 'Identifies the neighbour' }],
    });
    expect(SarRedactionsSchema.safeParse(redactions).success).toBe(true);
  });
});
