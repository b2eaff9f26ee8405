/** The SAR list's URL state: which requests it shows (docs/audit.md). */
import { z } from 'zod';
import type { SarSummary } from '../../../domain/http/sar-routes.ts';

export const SAR_VIEWS = ['open', 'due_soon', 'overdue', 'waiting'] as const;
/** A view of the open requests. */
export type SarView = (typeof SAR_VIEWS)[number];

/** What the view is called. */
export const SAR_VIEW_LABELS: Record<SarView, string> = {
  open: 'All open requests', due_soon: 'Due soon', overdue: 'Overdue', waiting: 'Waiting on another agency',
};

export const SarsSearchSchema = z.object({ view: z.enum(SAR_VIEWS).catch('open').default('open') });

/** The requests a view shows. */
export function sarsInView(sars: readonly SarSummary[], view: SarView): SarSummary[] {
  switch (view) {
    case 'open': return [...sars];
    case 'due_soon': return sars.filter((s) => s.timeliness === 'due_soon');
    case 'overdue': return sars.filter((s) => s.timeliness === 'overdue');
    case 'waiting': return sars.filter((s) => s.consultations.pending > 0);
  }
}
