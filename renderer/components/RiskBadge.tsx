/** A case's risk level as a small coloured badge that also says it in words. */
import type { RiskLevel } from '../../domain/vocabulary.ts';
import { RISK_LEVEL_LABELS } from '../words/display-labels.ts';

/** The badge; colour supports the text, never replaces it. */
export function RiskBadge({ level }: { level: RiskLevel }) {
  return <span className={`risk risk--${level}`}>{RISK_LEVEL_LABELS[level]}</span>;
}
