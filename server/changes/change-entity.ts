/** The vocabulary of the change log (docs/sync.md), apart from the writer so the prior-audience capture can use it too. */

/** The entities whose changes travel through sync. */
export type ChangeEntity =
  | 'agency' | 'team' | 'user' | 'case' | 'person' | 'location' | 'case_subject' | 'case_link' | 'case_location'
  | 'report' | 'task' | 'task_update' | 'marker' | 'document' | 'access_request' | 'case_type' | 'setting';

/**
 * `upsert`: the record was created or changed; `delete`: it is gone; `access`: who may see it
 * changed (a removal for those who lost it, an upsert for those who gained it).
 */
export type ChangeOp = 'upsert' | 'delete' | 'access';
