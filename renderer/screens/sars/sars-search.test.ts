import { describe, expect, it } from 'vitest';
import type { SarSummary } from '../../../domain/http/sar-routes.ts';
import { sarsInView, SarsSearchSchema, sarStatusOf } from './sars-search.ts';

const sar = (reference: string, timeliness: SarSummary['timeliness'], pending: number): SarSummary => ({
  id: `00000000-0000-4000-8000-00000000000${reference.length}`, reference, person: { id: '00000000-0000-4000-8000-000000000009', name: 'Synthetic Person' },
  receivedOn: '2026-11-01', dueOn: '2026-12-01', calendarDueOn: '2026-12-01', extended: false, timeliness, status: 'open', consultations: { pending, answered: 1 }, version: 1,
});

describe('the SAR list views', () => {
  const all = [sar('A', 'on_time', 0), sar('BB', 'due_soon', 1), sar('CCC', 'overdue', 0)];

  it('shows due soon, overdue and those waiting on another agency', () => {
    expect(sarsInView(all, 'open').map((s) => s.reference)).toEqual(['A', 'BB', 'CCC']);
    expect(sarsInView(all, 'due_soon').map((s) => s.reference)).toEqual(['BB']);
    expect(sarsInView(all, 'overdue').map((s) => s.reference)).toEqual(['CCC']);
    expect(sarsInView(all, 'waiting').map((s) => s.reference)).toEqual(['BB']);
    expect([sarStatusOf('closed'), sarStatusOf('overdue')]).toEqual(['closed', 'open']);
  });

  it('reads an unknown view in the URL as all open requests', () => {
    expect(SarsSearchSchema.parse({ view: 'nonsense' })).toEqual({ view: 'open' });
    expect(SarsSearchSchema.parse({})).toEqual({ view: 'open' });
  });
});
