/**
 * The data return as rows of cells, the same for the CSV and the XLSX file (docs/marac.md): the
 * marking first, then what the return covers, then one figure a row. Counts only, never names.
 */
import { EXPORT_MARKING } from '../audit/audit-export.ts';
import type { ReturnCount, ReturnPercentage } from './data-return.ts';
import type { DataReturnRecord } from './data-return-record.ts';

/** One cell: text, a number, or empty. */
export type ReturnCell = string | number | null;

/** The words shown for a suppressed count. */
export const FEWER_THAN_5 = 'fewer than 5';

/** A count's cell. */
export function countCell(c: ReturnCount): ReturnCell {
  return c.suppressed ? FEWER_THAN_5 : c.value;
}

/** A percentage's cell: suppressed with its count, empty when nothing was discussed. */
export function percentageCell(p: ReturnPercentage): ReturnCell {
  return p.suppressed ? FEWER_THAN_5 : p.value;
}

/** What the return covers, in words. */
export function periodWords(r: DataReturnRecord): string {
  return r.period.kind === 'quarter'
    ? `${r.period.quarter} (${r.period.first} to ${r.period.last}, ${String(r.period.meetings)} meetings)`
    : `Meeting of ${r.period.date}`;
}

/** The rows of the file. */
export function dataReturnRows(r: DataReturnRecord): ReturnCell[][] {
  const f = r.figures;
  return [
    [EXPORT_MARKING],
    ['SafeLives MARAC data return'],
    ['MARAC area', r.area.name],
    ['Period', periodWords(r)],
    ['Counts under 5 suppressed', r.suppressUnder5 ? 'yes' : 'no'],
    ['Figure', 'Value'],
    ['Cases discussed', countCell(f.casesDiscussed)],
    ['Repeat cases', countCell(f.repeats)],
    ['Repeat cases (%)', percentageCell(f.repeatPercentage)],
    ['Children in the households', countCell(f.children)],
    ['BAME victims', countCell(f.bameVictims)],
    ['Victims whose ethnicity is not recorded', countCell(f.ethnicityNotRecorded)],
    ['Victims with a disability', countCell(f.disabledVictims)],
    ['LGBT+ victims', countCell(f.lgbtPlusVictims)],
    ['Male victims', countCell(f.maleVictims)],
    ['Cases where the person causing harm is 17 or under', countCell(f.harmCauser17OrUnder)],
    ['Cases where the age of the person causing harm is not known', countCell(f.harmCauserAgeUnknown)],
    ['Referring agency', 'Referrals'],
    ...f.byReferringAgency.map((a) => [a.agency.name, countCell(a.count)]),
  ];
}
