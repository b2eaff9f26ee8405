/** Kysely table type of the cache's people to review (migration 0010); merged into CacheDatabase. */

/** A person recorded offline whom the server found to be probably someone it already holds. */
export interface CachePersonReviewTable {
  /** The person recorded on this computer (the `person.create` mutation's id). */
  person_id: string;
  /** Who recorded them; only they are shown the review. */
  user_id: string;
  given_name: string;
  family_name: string;
  /** JSON array of the server's likely matches (`LikelyMatch`), as the user may see them. */
  likely_matches: string;
  /** When the server's answer arrived. */
  created_at: string;
}

/** The table 0010 adds; spread into CacheDatabase. */
export interface PersonReviewDatabase {
  person_reviews: CachePersonReviewTable;
}
