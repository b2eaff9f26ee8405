/** A case's risk level as a small coloured badge that also says it in words. */
import type { RiskLevel } from '../../domain/vocabulary.ts';
import { RISK_LEVEL_LABELS } from '../words/display-labels.ts';
import { classNames } from './class-names.ts';
import styles from './RiskBadge.module.css';

/** The badge's colours for each level. */
const LEVEL_CLASS: Record<RiskLevel, string | undefined> = {
  very_high: styles.veryHigh,
  high: styles.high,
  medium: styles.medium,
  low: styles.low,
};

/** The badge; colour supports the text, never replaces it. */
export function RiskBadge({ level }: { level: RiskLevel }) {
  return <span className={classNames(styles.risk, LEVEL_CLASS[level])}>{RISK_LEVEL_LABELS[level]}</span>;
}
