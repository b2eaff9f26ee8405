/** The queue's filters: case type and owner agency from what the cache holds, status, risk level and overdue. */
import { useId } from 'react';
import { CASE_STATUSES, CaseStatusSchema, CaseTypeSchema, RISK_LEVELS, RiskLevelSchema } from '../../../domain/vocabulary.ts';
import { useDesktopQuery } from '../../api/desktop-query.ts';
import { CASE_STATUS_LABELS, RISK_LEVEL_LABELS } from '../../words/display-labels.ts';
import type { QueueSearch } from './queue-search.ts';
import styles from './QueueFilters.module.css';

/** The filters in the URL and how to change them. */
export interface QueueFiltersProps {
  search: QueueSearch;
  onChange: (change: Partial<QueueSearch>) => void;
}

/**
 * Choices come from `cases.queueChoices` (the case types and agencies the server sent), so the list never
 * offers a type no case has. A value in the URL that is not among them yet (choices still loading) stays
 * selectable, so the select never shows the wrong thing.
 */
export function QueueFilters({ search, onChange }: QueueFiltersProps) {
  const id = useId();
  const choices = useDesktopQuery('cases.queueChoices', null).data;
  const types = choices?.caseTypes ?? [];
  const agencies = choices?.ownerAgencies ?? [];
  const parse = <T,>(schema: { safeParse: (v: unknown) => { success: true; data: T } | { success: false } }, value: string): T | undefined => {
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  };
  const active = search.type !== undefined || search.status !== undefined || search.risk !== undefined || search.owner !== undefined || search.overdue !== undefined;
  return (
    <fieldset className={styles.filters}>
      <legend className="visually-hidden">Filter the queue</legend>
      <label className={styles.field} htmlFor={`${id}-type`}>
        Case type
        <select id={`${id}-type`} value={search.type ?? ''} onChange={(e) => onChange({ type: parse(CaseTypeSchema, e.target.value) })}>
          <option value="">All types</option>
          {search.type !== undefined && !types.some((t) => t.code === search.type) && <option value={search.type}>{search.type}</option>}
          {types.map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
        </select>
      </label>
      <label className={styles.field} htmlFor={`${id}-status`}>
        Status
        <select id={`${id}-status`} value={search.status ?? ''} onChange={(e) => onChange({ status: parse(CaseStatusSchema, e.target.value) })}>
          <option value="">Any status</option>
          {CASE_STATUSES.map((s) => <option key={s} value={s}>{CASE_STATUS_LABELS[s]}</option>)}
        </select>
      </label>
      <label className={styles.field} htmlFor={`${id}-risk`}>
        Risk level
        <select id={`${id}-risk`} value={search.risk ?? ''} onChange={(e) => onChange({ risk: parse(RiskLevelSchema, e.target.value) })}>
          <option value="">Any risk</option>
          {RISK_LEVELS.map((r) => <option key={r} value={r}>{RISK_LEVEL_LABELS[r]}</option>)}
        </select>
      </label>
      <label className={styles.field} htmlFor={`${id}-owner`}>
        Owner agency
        <select id={`${id}-owner`} value={search.owner ?? ''} onChange={(e) => onChange({ owner: e.target.value === '' ? undefined : e.target.value })}>
          <option value="">Any agency</option>
          {search.owner !== undefined && !agencies.some((a) => a.id === search.owner) && <option value={search.owner}>Agency not in your cases</option>}
          {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
      </label>
      <label className={styles.check} htmlFor={`${id}-overdue`}>
        <input id={`${id}-overdue`} type="checkbox" checked={search.overdue === 1} onChange={(e) => onChange({ overdue: e.target.checked ? 1 : undefined })} />
        Overdue for review
      </label>
      {active && (
        <button type="button" className="button" onClick={() => onChange({ type: undefined, status: undefined, risk: undefined, owner: undefined, overdue: undefined })}>
          Clear filters
        </button>
      )}
    </fieldset>
  );
}
