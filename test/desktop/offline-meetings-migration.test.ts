import { describe, expect, it } from 'vitest';
import { useCacheMigration } from '../support/cache-migration.ts';

const T = '2026-12-05T10:00:00.000Z';

describe('cache migration 0011 (MARAC meetings taken offline)', () => {
  const m = useCacheMigration('0011_offline_meetings');

  it('adds the meeting copies to an encrypted cache without touching its outbox, and rolls back', async () => {
    const { db } = m;
    expect(m.previous).toBe('0010_person_reviews');
    const change = {
      mutation_id: 1, client_id: 'client-abc', name: 'marac_meeting.setMinutes', args: '{}', base_version: null, state: 'pending' as const,
      before_image: null, error_code: null, error_message: null, created_at: T, attempts: 0,
    };
    await db.insertInto('outbox').values(change).execute();

    await m.migrateTo('0011_offline_meetings');
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([change]);
    const copy = { meeting_id: 'm1', user_id: 'u1', record: '{}', taken_at: T };
    await db.insertInto('offline_meetings').values(copy).execute();
    await db.insertInto('offline_meeting_cases').values({ meeting_id: 'm1', case_id: 'c1' }).execute();
    expect(await db.selectFrom('offline_meetings').selectAll().execute()).toEqual([copy]);
    // One copy per meeting, each case once per copy; every field is required.
    await expect(db.insertInto('offline_meetings').values(copy).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(db.insertInto('offline_meeting_cases').values({ meeting_id: 'm1', case_id: 'c1' }).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(db.insertInto('offline_meetings').values({ ...copy, meeting_id: 'm2', record: null as never }).execute()).rejects.toThrow(/NOT NULL/);

    await m.migrateTo(m.previous);
    await expect(db.selectFrom('offline_meetings').selectAll().execute()).rejects.toThrow(/no such table/);
    await expect(db.selectFrom('offline_meeting_cases').selectAll().execute()).rejects.toThrow(/no such table/);
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([change]);
  });
});
