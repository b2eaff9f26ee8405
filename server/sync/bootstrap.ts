/**
 * Builds one page of a bootstrap: every record the user may see, served phase by phase (most needed
 * first) at a change-log position pinned by the first page. Records are their current versions; a
 * record that changes after the pinned position is also in the change log after it, so the pull
 * that follows the bootstrap (from `snapshot`) brings the cache to the present, removals included.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { BOOTSTRAP_PHASES, type BootstrapPhase, type BootstrapResponse, type SyncEntity } from '../../domain/http/sync-schemas.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { currentSeq } from '../changes/next-seq.ts';
import { listAnchors } from './bootstrap-anchors.ts';
import { caseParts, locationMarkers, personMarkers } from './case-parts.ts';
import { loadVisible } from './resolve-groups.ts';

/** What a bootstrap page asks for. */
export interface BootstrapArgs {
  user: PolicyUser;
  snapshot: number | undefined;
  phase: BootstrapPhase;
  after: string | undefined;
  limit: number;
  /** The current time (ISO), for access grants. */
  at: string;
}

type Wanted = { entity: SyncEntity; id: string };

/** One page of the phase at `after`; `next` says where the following page starts. */
export async function bootstrapPage(db: Kysely<ServerDatabase>, dialect: 'sqlite' | 'postgres', args: BootstrapArgs): Promise<BootstrapResponse> {
  const tx = db.transaction();
  // One snapshot for the page, so a case and its parts agree with each other.
  const runner = dialect === 'postgres' ? tx.setIsolationLevel('repeatable read') : tx;
  return runner.execute((trx) => readPage(trx, args));
}

async function readPage(trx: Transaction<ServerDatabase>, args: BootstrapArgs): Promise<BootstrapResponse> {
  const head = await currentSeq(trx);
  if (args.snapshot !== undefined && args.snapshot > head) {
    throw new CodedError('reset_required', 'The bootstrap position is not known to this server; start again.');
  }
  const snapshot = args.snapshot ?? head;
  const anchors = await listAnchors(trx, args.user, args.at, args.phase, { after: args.after ?? null, limit: args.limit });
  const wanted = [...(args.phase === 'agencies' && (args.after ?? null) === null ? await referenceData(trx) : []), ...(await recordsAround(trx, args.phase, anchors))];
  const visible = await loadVisible(trx, args.user, args.at, wanted);
  const seen = new Set<string>();
  const changes: BootstrapResponse['changes'] = [];
  for (const w of wanted) {
    const key = `${w.entity}:${w.id}`;
    const record = visible.get(key);
    if (record && !seen.has(key)) {
      seen.add(key);
      changes.push({ ...record, seq: snapshot });
    }
  }
  return { snapshot: String(snapshot), changes, next: nextPosition(args.phase, anchors, args.limit) };
}

// A full page may have more after it; a short one ends its phase.
function nextPosition(phase: BootstrapPhase, anchors: readonly string[], limit: number): BootstrapResponse['next'] {
  const last = anchors.at(-1);
  if (anchors.length === limit && last !== undefined) {
    return { phase, after: last };
  }
  const following = BOOTSTRAP_PHASES[BOOTSTRAP_PHASES.indexOf(phase) + 1];
  return following === undefined ? null : { phase: following, after: null };
}

/** Every case type and setting: few rows, carried by the first page so the new-case form and escalation work from the start. */
async function referenceData(db: Kysely<ServerDatabase>): Promise<Wanted[]> {
  const types = await db.selectFrom('case_types').select('code').orderBy('code').execute();
  return [...types.map((t) => ({ entity: 'case_type' as const, id: t.code })), { entity: 'setting', id: 'task_escalation_days' }];
}

/** The records a page carries: the anchors, and for a case everything that works with it offline. */
async function recordsAround(db: Kysely<ServerDatabase>, phase: BootstrapPhase, anchors: readonly string[]): Promise<Wanted[]> {
  switch (phase) {
    case 'agencies':
      return anchors.map((id) => ({ entity: 'agency', id }));
    case 'my_tasks': {
      const rows = anchors.length === 0 ? [] : await db.selectFrom('tasks').select('case_id').where('id', 'in', [...anchors]).execute();
      return [...anchors.map((id) => ({ entity: 'task' as const, id })), ...(await caseBundles(db, [...new Set(rows.map((r) => r.case_id))]))];
    }
    case 'open_cases':
    case 'other_cases':
      return caseBundles(db, anchors);
    case 'persons':
      return [...anchors.map((id) => ({ entity: 'person' as const, id })), ...(await personMarkers(db, anchors.map((id) => ({ id, seq: 0 }))))];
    case 'locations':
      return [...anchors.map((id) => ({ entity: 'location' as const, id })), ...(await locationMarkers(db, anchors.map((id) => ({ id, seq: 0 }))))];
    case 'tasks':
      return anchors.map((id) => ({ entity: 'task', id }));
    case 'markers':
      return anchors.map((id) => ({ entity: 'marker', id }));
    case 'access_requests':
      return anchors.map((id) => ({ entity: 'access_request', id }));
  }
}

/** Cases with their subjects and persons, places, reports, documents, tasks, and markers on the case, its persons and places. */
async function caseBundles(db: Kysely<ServerDatabase>, caseIds: readonly string[]): Promise<Wanted[]> {
  const parts = await caseParts(db, caseIds, true);
  const of = (entity: SyncEntity) => parts.filter((p) => p.entity === entity).map((p) => ({ id: p.id, seq: 0 }));
  return [
    ...caseIds.map((id) => ({ entity: 'case' as const, id })), ...parts,
    ...(await personMarkers(db, of('person'))), ...(await locationMarkers(db, of('location'))),
  ];
}
