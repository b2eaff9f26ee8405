/** The SAR list's URL state: which requests it shows (docs/audit.md). */
import { z } from 'zod';
import type { SarSummary } from '../../../domain/http/sar-routes.ts';

export const SAR_VIEWS = ['open', 'due_soon', 'overdue', 'waiting', 'closed'] as const;
/** A view of the requests: the open ones, some of them, or the closed ones. */
export type SarView = (typeof SAR_VIEWS)[number];

/** What the view is called. */
export const SAR_VIEW_LABELS: Record<SarView, string> = {
  open: 'All open requests', due_soon: 'Due soon', overdue: 'Overdue', waiting: 'Waiting on another agency', closed: 'Closed requests',
};

export const SarsSearchSchema = z.object({ view: z.enum(SAR_VIEWS).catch('open').default('open') });

/** Which requests the server is asked for. */
export function sarStatusOf(view: SarView): 'open' | 'closed' {
  return view === 'closed' ? 'closed' : 'open';
}

/** The requests a view shows (of those the server answered for its status). */
export function sarsInView(sars: readonly SarSummary[], view: SarView): SarSummary[] {
  switch (view) {
    case 'open':
    case 'closed': return [...sars];
    case 'due_soon': return sars.filter((s) => s.timeliness === 'due_soon');
    case 'overdue': return sars.filter((s) => s.timeliness === 'overdue');
    case 'waiting': return sars.filter((s) => s.consultations.pending > 0);
  }
}
