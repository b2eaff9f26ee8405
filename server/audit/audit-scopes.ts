/**
 * Indexes each audit event under every agency whose trail shows it (docs/audit.md, migration 0014):
 * the actor's agency and each agency owning the record it touched, with the event's case and person.
 * Written in the caller's transaction, after the event; the hashed event columns are not involved.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';

/** What an event is about, when the caller knows better than its entity (a list of a case's reports, a deleted record). */
export interface AuditSubject {
  caseId?: string | null;
  personId?: string | null;
  /** Agencies owning the records a list returned, beyond the case's and person's owners. */
  ownerAgencyIds?: readonly string[];
}

/** The part of an audit input the index reads. */
export interface AuditScopeInput {
  actorAgencyId: string | null;
  entityType: string | null;
  entityId: string | null;
  details: Record<string, unknown>;
  subject?: AuditSubject | undefined;
}

type Trx = Transaction<ServerDatabase>;

/** Writes the event's scope rows (none when no agency is concerned, e.g. a failed sign-in by an unknown name). */
export async function recordAuditScopes(trx: Trx, seq: number, input: AuditScopeInput): Promise<void> {
  const { caseId, personId, owners } = await resolveSubject(trx, input);
  const agencies = new Set<string>(owners);
  if (input.actorAgencyId !== null) {
    agencies.add(input.actorAgencyId);
  }
  if (caseId !== null) {
    const owner = await trx.selectFrom('cases').select('owner_agency_id').where('id', '=', caseId).executeTakeFirst();
    addIf(agencies, owner?.owner_agency_id);
  }
  if (personId !== null) {
    const owner = await trx.selectFrom('persons').select('owner_agency_id').where('id', '=', personId).executeTakeFirst();
    addIf(agencies, owner?.owner_agency_id);
  }
  if (agencies.size === 0) {
    return;
  }
  await trx.insertInto('audit_event_scopes')
    .values([...agencies].map((agencyId) => ({ agency_id: agencyId, seq, case_id: caseId, person_id: personId })))
    .execute();
}

interface Resolved {
  caseId: string | null;
  personId: string | null;
  owners: string[];
}

/** The case, person and owning agencies of the event's record; the caller's subject wins, then the record, then `details`. */
async function resolveSubject(trx: Trx, input: AuditScopeInput): Promise<Resolved> {
  const fromRecord = await resolveRecord(trx, input.entityType, input.entityId);
  const s = input.subject ?? {};
  return {
    caseId: s.caseId ?? fromRecord.caseId ?? textOf(input.details.caseId),
    personId: s.personId ?? fromRecord.personId ?? textOf(input.details.personId),
    owners: [...fromRecord.owners, ...(s.ownerAgencyIds ?? [])],
  };
}

/** Looks the record up by kind; a record deleted in this transaction resolves to nothing. */
async function resolveRecord(trx: Trx, entityType: string | null, id: string | null): Promise<Resolved> {
  const none: Resolved = { caseId: null, personId: null, owners: [] };
  if (entityType === null || id === null) {
    return none;
  }
  switch (entityType) {
    case 'case':
      return { ...none, caseId: id };
    case 'person':
      return { ...none, personId: id };
    case 'report': {
      const row = await trx.selectFrom('reports').select('case_id').where('id', '=', id).executeTakeFirst();
      return { ...none, caseId: row?.case_id ?? null };
    }
    case 'task': {
      const row = await trx.selectFrom('tasks').select('case_id').where('id', '=', id).executeTakeFirst();
      return { ...none, caseId: row?.case_id ?? null };
    }
    case 'task_update': {
      const row = await trx.selectFrom('task_updates').innerJoin('tasks', 'tasks.id', 'task_updates.task_id')
        .select('tasks.case_id').where('task_updates.id', '=', id).executeTakeFirst();
      return { ...none, caseId: row?.case_id ?? null };
    }
    case 'document': {
      const row = await trx.selectFrom('documents').select(['case_id', 'owner_agency_id']).where('id', '=', id).executeTakeFirst();
      return { ...none, caseId: row?.case_id ?? null, owners: row ? [row.owner_agency_id] : [] };
    }
    case 'case_subject': {
      const row = await trx.selectFrom('case_subjects').select(['case_id', 'person_id']).where('id', '=', id).executeTakeFirst();
      return { ...none, caseId: row?.case_id ?? null, personId: row?.person_id ?? null };
    }
    case 'case_link': {
      const row = await trx.selectFrom('case_links').select('case_id').where('id', '=', id).executeTakeFirst();
      return { ...none, caseId: row?.case_id ?? null };
    }
    case 'case_location': {
      const row = await trx.selectFrom('case_locations').select('case_id').where('id', '=', id).executeTakeFirst();
      return { ...none, caseId: row?.case_id ?? null };
    }
    case 'marker': {
      const row = await trx.selectFrom('markers').select(['subject_type', 'subject_id', 'owner_agency_id']).where('id', '=', id).executeTakeFirst();
      if (!row) {
        return none;
      }
      return {
        caseId: row.subject_type === 'case' ? row.subject_id : null,
        personId: row.subject_type === 'person' ? row.subject_id : null,
        owners: [row.owner_agency_id],
      };
    }
    case 'location': {
      const row = await trx.selectFrom('locations').select('owner_agency_id').where('id', '=', id).executeTakeFirst();
      return { ...none, owners: row ? [row.owner_agency_id] : [] };
    }
    case 'access_request': {
      const row = await trx.selectFrom('access_requests').select(['resource_type', 'resource_id', 'owner_agency_id']).where('id', '=', id).executeTakeFirst();
      if (!row) {
        return none;
      }
      return {
        caseId: row.resource_type === 'case' ? row.resource_id : null,
        personId: row.resource_type === 'person' ? row.resource_id : null,
        owners: [row.owner_agency_id],
      };
    }
    default:
      return none;
  }
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function addIf(set: Set<string>, value: string | undefined): void {
  if (value !== undefined) {
    set.add(value);
  }
}
