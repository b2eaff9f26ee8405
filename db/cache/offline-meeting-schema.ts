/** Kysely table types of the MARAC meetings taken offline (migration 0011); merged into CacheDatabase. */

/** One meeting as the server's meeting read answered this user, with this computer's pending changes applied. */
export interface CacheOfflineMeetingTable {
  meeting_id: string;
  /** Whose read it was: only they are answered from it. */
  user_id: string;
  /** JSON of the `MeetingRecord` the server answered (plus local changes not yet synced). */
  record: string;
  /** When the server's read was taken. */
  taken_at: string;
}

/** An agenda case held in a copy, so removing the case from the offline copy reaches the meeting too. */
export interface CacheOfflineMeetingCaseTable {
  meeting_id: string;
  case_id: string;
}

/** The tables 0011 adds; spread into CacheDatabase. */
export interface OfflineMeetingDatabase {
  offline_meetings: CacheOfflineMeetingTable;
  offline_meeting_cases: CacheOfflineMeetingCaseTable;
}
