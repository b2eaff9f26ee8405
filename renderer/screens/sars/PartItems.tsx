/** The records of a part, each with its fields (codes in words); optionally a "Leave out" choice per record. */
import { Fragment } from 'react';
import { sarFieldText, type SarItem } from '../../../domain/entities/sar.ts';
import { formatDate } from '../../words/format-date-time.ts';
import { SAR_RECORD_LABELS } from '../../words/sar-words.ts';
import styles from './Sars.module.css';

/** The records, and the leave-out choices when the part is still to be decided. */
export interface PartItemsProps {
  items: readonly SarItem[];
  omitted?: ReadonlySet<string>;
  onToggleOmit?: (key: string) => void;
}

/** The key of a record among the choices. */
export const itemKey = (item: Pick<SarItem, 'type' | 'id'>) => `${item.type}:${item.id}`;

/** One block per record. */
export function PartItems({ items, omitted, onToggleOmit }: PartItemsProps) {
  if (items.length === 0) {
    return <p className="empty-state">No records.</p>;
  }
  return (
    <div>
      {items.map((item) => {
        const key = itemKey(item);
        const title = `${SAR_RECORD_LABELS[item.type]}, recorded ${formatDate(item.at)}`;
        return (
          <article key={key} className={styles.item} aria-label={title} data-testid="part-item">
            <h3>{title}</h3>
            <dl className={styles.itemFields}>
              {item.fields.map((f) => (
                <Fragment key={f.label}><dt>{f.label}</dt><dd>{sarFieldText(f)}</dd></Fragment>
              ))}
            </dl>
            {onToggleOmit && (
              <label><input type="checkbox" checked={omitted?.has(key) ?? false} onChange={() => onToggleOmit(key)} /> Leave this record out</label>
            )}
          </article>
        );
      })}
    </div>
  );
}
