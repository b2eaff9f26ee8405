/** What an applied mutation tells the client besides "applied". */
import type { PushResult } from '../../../domain/http/sync-schemas.ts';

/** Only `person.create`'s likely matches so far (docs/sync.md, "People to review"). */
export type AppliedNote = Pick<PushResult, 'likelyMatches'>;
