/** Words shown for vocabulary values that have no label table in domain/. */
import type { CaseStatus, RiskLevel } from '../../domain/vocabulary.ts';

/** Risk level as read aloud and printed in its badge. */
export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  very_high: 'Very high',
};

/** Case status as shown in the queue. */
export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  open: 'Open',
  closed: 'Closed',
};
