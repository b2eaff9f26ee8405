/**
 * People to review (docs/sync.md): a person recorded offline whom the server found, at push, to be
 * probably someone it already holds. The push verdict stores one; the user keeps the new person or
 * uses an existing one instead, which queues the changes that move the new person's places on cases
 * to the existing person.
 */
import type { Kysely } from 'kysely';
import type { LikelyMatch } from '../../domain/entities/person.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { PersonReview, SettlePersonReviewInput } from '../../domain/ipc/sync-channels.ts';
import type { MutationArgs } from '../../domain/sync/mutations.ts';
import { queueLocalChange } from './queue-local-change.ts';
import type { LocalActor, SyncCacheDatabase } from './sync-cache-db.ts';

type Db = Kysely<SyncCacheDatabase>;

/** Keeps the server's likely matches for a person this user recorded offline (a later answer replaces an earlier one). */
export async function notePersonReview(db: Db, userId: string, args: MutationArgs<'person.create'>, likelyMatches: LikelyMatch[], at: string): Promise<void> {
  const row = {
    person_id: args.personId, user_id: userId, given_name: args.person.givenName, family_name: args.person.familyName,
    likely_matches: JSON.stringify(likelyMatches), created_at: at,
  };
  await db.insertInto('person_reviews').values(row)
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ likely_matches: row.likely_matches, created_at: at })).execute();
}

/**
 * Forgets the reviews of people no longer in the offline copy (merged or moved away on the server, so
 * sync removed them; or missing from a reset's fresh copy). Run once the copy is current: a person
 * this user may see is then in it, and there is nothing left to decide about one who is not.
 * Returns how many went.
 */
export async function forgetDepartedPersonReviews(db: Db): Promise<number> {
  const gone = await db.deleteFrom('person_reviews')
    .where('person_id', 'not in', db.selectFrom('persons').select('id'))
    .executeTakeFirst();
  return Number(gone.numDeletedRows);
}

/** This user's people to review, oldest first. */
export async function listPersonReviews(db: Db, userId: string): Promise<PersonReview[]> {
  const rows = await db.selectFrom('person_reviews').selectAll().where('user_id', '=', userId).orderBy('created_at').orderBy('person_id').execute();
  return rows.map((r) => ({
    personId: r.person_id, givenName: r.given_name, familyName: r.family_name,
    likelyMatches: JSON.parse(r.likely_matches) as LikelyMatch[], createdAt: r.created_at,
  }));
}

/**
 * Carries out the user's answer in the caller's transaction. "Use the existing person" needs one of
 * the review's matches the user sees in full (a stub or minimal profile would need a reason and the
 * owner agency's say, so it is refused here); on each case this computer holds the new person on,
 * the existing person is added in the same role (unless already there) and the new one taken off.
 * The server checks each change again at push; one it refuses shows as a refused change.
 */
export async function settlePersonReview(trx: Db, input: SettlePersonReviewInput, actor: LocalActor, at: string): Promise<void> {
  const review = await trx.selectFrom('person_reviews').selectAll()
    .where('person_id', '=', input.personId).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!review) {
    throw new CodedError('not_found', 'No person to review with this id.');
  }
  if (input.choice === 'use_existing') {
    const matches = JSON.parse(review.likely_matches) as LikelyMatch[];
    if (!matches.some((m) => m.view === 'full' && m.person.id === input.existingPersonId)) {
      throw new CodedError('validation_error', 'Invalid input at existingPersonId: choose one of the likely matches you can see in full.');
    }
    const places = await trx.selectFrom('case_subjects').select(['case_id', 'role']).where('person_id', '=', input.personId)
      .orderBy('created_at').orderBy('id').execute();
    for (const { case_id: caseId, role } of places) {
      const already = await trx.selectFrom('case_subjects').select('id').where('case_id', '=', caseId)
        .where('person_id', '=', input.existingPersonId).where('role', '=', role).executeTakeFirst();
      if (!already) {
        await queueLocalChange(trx, { name: 'case.addSubject', args: { caseSubjectId: newId(), caseId, personId: input.existingPersonId, role } }, actor, at);
      }
      await queueLocalChange(trx, { name: 'case.removeSubject', args: { caseId, personId: input.personId, role } }, actor, at);
    }
  }
  await trx.deleteFrom('person_reviews').where('person_id', '=', input.personId).execute();
}
