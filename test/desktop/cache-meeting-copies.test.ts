/**
 * MARAC meetings taken offline in the encrypted cache (cache migration 0011; docs/marac.md): a case
 * removed by sync leaves every copy that holds it (counted as hidden), minutes or an action the
 * server refuses at push are undone on the copy, and a reset empties the copies with the mirror.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { AgendaItem, MeetingRecord } from '../../domain/entities/marac-meeting.ts';
import { newId } from '../../domain/ids.ts';
import { clearMirror } from '../../main/cache/clear-mirror.ts';
import type { SyncedCache } from '../../main/sync/synced-cache.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { openTestCache, page } from './cache-test-kit.ts';

const USER = newId();
const COUNCIL = { id: newId(), name: 'Synthetic Council' };

function agendaItem(position: number, researchText: string): AgendaItem {
  return {
    id: newId(), position, caseId: newId(), caseReference: `SYN-00000${String(position)}`, referralId: newId(), victimName: `Synthetic Victim ${String(position)}`,
    referringAgency: { id: newId(), name: 'Synthetic IDVA Service' }, referredOn: '2026-11-20', score: 15, band: 'high', repeat: false, emergency: false,
    carriedForward: false, minutes: null, actions: [],
    research: [{ id: newId(), agency: { id: newId(), name: 'Synthetic Police' }, authorUserId: newId(), nature: 'fact', restricted: false, text: researchText, createdAt: '2026-11-21T09:00:00.000Z' }],
  };
}

function meetingRecord(agenda: AgendaItem[]): MeetingRecord {
  return {
    id: newId(), maracArea: { id: newId(), name: 'Synthetic MARAC' }, coordinatorAgency: COUNCIL, date: '2026-12-10', chair: 'Synthetic Chair',
    coordinator: { id: USER, displayName: 'Synthetic Coordinator' }, agenda, hiddenItems: 1, attendees: [], abilities: { run: true, addResearch: true, acknowledge: false },
  };
}

describe('MARAC meetings taken offline in the cache', () => {
  let dir: string;
  let cache: SyncedCache;
  let db: Kysely<CacheDatabase>;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-meeting-copies-'));
    ({ cache, db } = await openTestCache(dir));
  });
  afterEach(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loses an agenda case removed by sync, its research included, and counts it as hidden', async () => {
    const gone = agendaItem(1, 'Synthetic research on a case this user lost');
    const kept = agendaItem(2, 'Synthetic research that stays');
    const record = meetingRecord([gone, kept]);
    await cache.meetingCopies.store(USER, record, '2026-12-09T18:00:00.000Z');
    // Another meeting's copy holding neither case is left alone.
    const other = meetingRecord([agendaItem(1, 'Synthetic other meeting')]);
    await cache.meetingCopies.store(USER, other, '2026-12-09T18:00:00.000Z');

    await cache.applyPullPage(page([], [{ entity: 'case', id: gone.caseId }]));

    const copy = await cache.meetingCopies.read(record.id, USER);
    expect(copy?.record.agenda.map((i) => i.id)).toEqual([kept.id]);
    expect(copy?.record.hiddenItems).toBe(2);
    expect((await cache.meetingCopies.read(other.id, USER))?.record).toEqual(other);
    expect(await db.selectFrom('offline_meeting_cases').select('case_id').where('meeting_id', '=', record.id).execute()).toEqual([{ case_id: kept.caseId }]);
    // Someone else's copy is never answered, nor is a meeting not taken offline.
    expect(await cache.meetingCopies.read(record.id, newId())).toBeNull();
    expect(await cache.meetingCopies.read(newId(), USER)).toBeNull();
  });

  it('undoes minutes and an action the server refused', async () => {
    const item = agendaItem(1, 'Synthetic research');
    const record = meetingRecord([{ ...item, minutes: 'Synthetic earlier minutes' }]);
    await cache.meetingCopies.store(USER, record, '2026-12-09T18:00:00.000Z');
    const actor = { userId: USER, agencyId: COUNCIL.id, teamId: null };
    const taskId = newId();
    const first = await cache.outbox.enqueue({ name: 'marac_meeting.setMinutes', args: { meetingId: record.id, agendaItemId: item.id, text: 'Synthetic minutes refused' } }, actor);
    const action = await cache.outbox.enqueue({
      name: 'marac_meeting.addAction',
      args: { meetingId: record.id, taskId, agendaItemId: item.id, title: 'Synthetic action', description: 'Done when recorded.', ownerAgencyId: COUNCIL.id, dueDate: '2026-12-20' },
    }, actor);
    const shown = await cache.meetingCopies.read(record.id, USER);
    expect(shown?.record.agenda[0]?.minutes).toBe('Synthetic minutes refused');
    expect(shown?.record.agenda[0]?.actions.map((a) => [a.taskId, a.ownerAgency.name])).toEqual([[taskId, 'Synthetic Council']]);
    expect((await cache.meetingCopies.withWaiting(shown!.record)).waiting).toEqual({ minutes: [item.id], actions: [taskId] });

    const batch = await cache.outbox.nextBatch(10);
    const refused = { status: 'rejected' as const, error: { code: 'authorization_error', message: 'Only the coordinator runs this meeting.' } };
    await cache.outbox.recordResults(batch, [{ mutationId: first, ...refused }, { mutationId: action, ...refused }], USER);
    const undone = await cache.meetingCopies.read(record.id, USER);
    expect(undone?.record.agenda[0]?.minutes).toBe('Synthetic earlier minutes');
    expect(undone?.record.agenda[0]?.actions).toEqual([]);
    expect((await cache.meetingCopies.withWaiting(undone!.record)).waiting).toEqual({ minutes: [], actions: [] });
    expect(findInFiles(filesUnder(dir), ['Synthetic earlier minutes'])).toEqual([]);
  });

  it('is emptied with the mirror on a reset', async () => {
    const record = meetingRecord([agendaItem(1, 'Synthetic research')]);
    await cache.meetingCopies.store(USER, record, '2026-12-09T18:00:00.000Z');
    await db.transaction().execute((trx) => clearMirror(trx));
    expect(await cache.meetingCopies.read(record.id, USER)).toBeNull();
    expect(await db.selectFrom('offline_meeting_cases').selectAll().execute()).toEqual([]);
  });

  it('forgets a copy with its case list', async () => {
    const record = meetingRecord([agendaItem(1, 'Synthetic research')]);
    await cache.meetingCopies.store(USER, record, '2026-12-09T18:00:00.000Z');
    await cache.meetingCopies.forget(record.id);
    expect(await cache.meetingCopies.read(record.id, USER)).toBeNull();
    expect(await db.selectFrom('offline_meeting_cases').selectAll().execute()).toEqual([]);
  });
});
