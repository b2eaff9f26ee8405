/**
 * The data return as rows of cells, the same for the CSV and the XLSX file (docs/marac.md): the
 * marking first, then what the return covers, then one figure a row. Counts only, never names.
 */
import { PROTECTIVE_MARKING as EXPORT_MARKING } from '../protective-marking.ts';
import type { DataReturnFigures, ReturnCount, ReturnPercentage } from './data-return.ts';
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

/** One figure of the return: its words and its cell. */
export interface FigureLine {
  key: string;
  label: string;
  cell: ReturnCell;
}

/** The return's figures in order, each with its words (the screen's table and the files say the same). */
export function figureLines(f: DataReturnFigures): FigureLine[] {
  return [
    { key: 'casesDiscussed', label: 'Cases discussed', cell: countCell(f.casesDiscussed) },
    { key: 'repeats', label: 'Repeat cases', cell: countCell(f.repeats) },
    { key: 'repeatPercentage', label: 'Repeat cases (%)', cell: percentageCell(f.repeatPercentage) },
    { key: 'children', label: 'Children in the households', cell: countCell(f.children) },
    { key: 'bameVictims', label: 'BAME victims', cell: countCell(f.bameVictims) },
    { key: 'ethnicityNotRecorded', label: 'Victims whose ethnicity is not recorded', cell: countCell(f.ethnicityNotRecorded) },
    { key: 'disabledVictims', label: 'Victims with a disability', cell: countCell(f.disabledVictims) },
    { key: 'lgbtPlusVictims', label: 'LGBT+ victims', cell: countCell(f.lgbtPlusVictims) },
    { key: 'maleVictims', label: 'Male victims', cell: countCell(f.maleVictims) },
    { key: 'harmCauser17OrUnder', label: 'Cases where the person causing harm is 17 or under', cell: countCell(f.harmCauser17OrUnder) },
    { key: 'harmCauserAgeUnknown', label: 'Cases where the age of the person causing harm is not known', cell: countCell(f.harmCauserAgeUnknown) },
  ];
}

/** The rows of the file. */
export function dataReturnRows(r: DataReturnRecord): ReturnCell[][] {
  return [
    [EXPORT_MARKING],
    ['SafeLives MARAC data return'],
    ['MARAC area', r.area.name],
    ['Period', periodWords(r)],
    ['Counts under 5 suppressed', r.suppressUnder5 ? 'yes' : 'no'],
    ['Figure', 'Value'],
    ...figureLines(r.figures).map((l) => [l.label, l.cell]),
    ['Referring agency', 'Referrals'],
    ...r.figures.byReferringAgency.map((a) => [a.agency.name, countCell(a.count)]),
  ];
}
