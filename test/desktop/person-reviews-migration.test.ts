import { describe, expect, it } from 'vitest';
import { useCacheMigration } from '../support/cache-migration.ts';

const T = '2026-12-05T10:00:00.000Z';

describe('cache migration 0010 (people to review)', () => {
  const m = useCacheMigration('0010_person_reviews');

  it('adds people to review to an encrypted cache without touching its outbox, and rolls back', async () => {
    const { db } = m;
    expect(m.previous).toBe('0009_case_types_and_settings');
    const change = {
      mutation_id: 1, client_id: 'client-abc', name: 'person.create', args: '{}', base_version: null, state: 'pending' as const,
      before_image: null, error_code: null, error_message: null, created_at: T, attempts: 0,
    };
    await db.insertInto('outbox').values(change).execute();

    await m.migrateTo('0010_person_reviews');
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([change]);
    const review = { person_id: 'p1', user_id: 'u1', given_name: 'Rosa', family_name: 'Featherby', likely_matches: '[]', created_at: T };
    await db.insertInto('person_reviews').values(review).execute();
    expect(await db.selectFrom('person_reviews').selectAll().execute()).toEqual([review]);
    // One review per person; every field is required.
    await expect(db.insertInto('person_reviews').values(review).execute()).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(db.insertInto('person_reviews').values({ ...review, person_id: 'p2', likely_matches: null as never }).execute()).rejects.toThrow(/NOT NULL/);

    await m.migrateTo(m.previous);
    await expect(db.selectFrom('person_reviews').selectAll().execute()).rejects.toThrow(/no such table/);
    expect(await db.selectFrom('outbox').selectAll().execute()).toEqual([change]);
  });
});
