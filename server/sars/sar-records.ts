/** Turns SAR rows into what the API answers (docs/audit.md): summaries, details and consultation states. */
import type { Kysely } from 'kysely';
import type { SarConsultationTable, SarRequestTable, ServerDatabase } from '../../db/server/schema.ts';
import type { SarConsultationSummary, SarDetail, SarSummary } from '../../domain/http/sar-routes.ts';
import { sarDueDates, sarTimeliness, type SarDueDates } from '../../domain/sar/sar-due-date.ts';
import { englandAndWalesBankHoliday } from './bank-holidays.ts';

type Db = Kysely<ServerDatabase>;

/**
 * The deadline in force: the extended one once extended, worked out from receipt — the calendar date
 * and the working day it moves to off a weekend or an England and Wales bank holiday.
 */
export function dueDatesOf(row: Pick<SarRequestTable, 'received_on' | 'extension_months'>): SarDueDates {
  return sarDueDates(row.received_on, row.extension_months === null ? null : Number(row.extension_months), englandAndWalesBankHoliday);
}

/** The working day the request is due on. */
export function dueOnOf(row: Pick<SarRequestTable, 'received_on' | 'extension_months'>): string {
  return dueDatesOf(row).dueOn;
}

async function names(db: Db, table: 'agencies', ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function personNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('persons').select(['id', 'given_name', 'family_name']).where('id', 'in', [...new Set(ids)]).execute();
  return new Map(rows.map((r) => [r.id, `${r.given_name} ${r.family_name}`]));
}

/** Summaries of requests, with their consultations' counts (states only, never parts). */
export async function toSarSummaries(db: Db, rows: SarRequestTable[], today: string): Promise<SarSummary[]> {
  const ids = rows.map((r) => r.id);
  const consultations = ids.length === 0 ? [] : await db.selectFrom('sar_consultations').select(['sar_id', 'status']).where('sar_id', 'in', ids).execute();
  const people = await personNames(db, rows.map((r) => r.person_id));
  return rows.map((r) => {
    const mine = consultations.filter((c) => c.sar_id === r.id);
    const pending = mine.filter((c) => c.status === 'pending').length;
    const due = dueDatesOf(r);
    return {
      id: r.id, reference: r.reference, person: { id: r.person_id, name: people.get(r.person_id) ?? '' },
      receivedOn: r.received_on, dueOn: due.dueOn, calendarDueOn: due.calendarDueOn, extended: r.extended_due_on !== null, timeliness: sarTimeliness(due.dueOn, today),
      status: r.status, consultations: { pending, answered: mine.length - pending }, version: Number(r.version),
    };
  });
}

/** One request in full for the receiving agency: consultation states and exemption grounds, never an owner's part or reasons. */
export async function toSarDetail(db: Db, row: SarRequestTable, today: string): Promise<SarDetail> {
  const [summary] = await toSarSummaries(db, [row], today);
  const consultations = await db.selectFrom('sar_consultations').selectAll().where('sar_id', '=', row.id).orderBy('owner_agency_id').execute();
  const agencies = await names(db, 'agencies', consultations.map((c) => c.owner_agency_id));
  return {
    ...summary!,
    requester: { name: row.requester_name, relation: row.requester_relation, contact: row.requester_contact },
    firstDueOn: dueDatesOf({ received_on: row.received_on, extension_months: null }).dueOn,
    extension: row.extension_months === null ? null : { months: Number(row.extension_months), reason: row.extension_reason ?? '' },
    consultationStates: consultations.map((c) => ({
      id: c.id, agency: { id: c.owner_agency_id, name: agencies.get(c.owner_agency_id) ?? '' }, status: c.status,
      exemption: c.status === 'withheld' ? c.exemption : null, decidedAt: c.decided_at,
    })),
    complete: consultations.every((c) => c.status !== 'pending'),
  };
}

/** Consultations in an owner's inbox. */
export async function toConsultationSummaries(db: Db, rows: SarConsultationTable[], today: string): Promise<SarConsultationSummary[]> {
  const sars = rows.length === 0 ? [] : await db.selectFrom('sar_requests').selectAll().where('id', 'in', rows.map((r) => r.sar_id)).execute();
  const byId = new Map(sars.map((s) => [s.id, s]));
  const agencies = await names(db, 'agencies', sars.map((s) => s.agency_id));
  const people = await personNames(db, sars.map((s) => s.person_id));
  return rows.map((c) => {
    const s = byId.get(c.sar_id)!;
    const due = dueDatesOf(s);
    return {
      id: c.id, status: c.status, receivingAgency: { id: s.agency_id, name: agencies.get(s.agency_id) ?? '' },
      person: { id: s.person_id, name: people.get(s.person_id) ?? '' }, sarReference: s.reference, receivedOn: s.received_on,
      dueOn: due.dueOn, calendarDueOn: due.calendarDueOn, timeliness: sarTimeliness(due.dueOn, today), exemption: c.exemption, decidedAt: c.decided_at,
    };
  });
}
