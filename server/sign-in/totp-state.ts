/** Writes to a user's second-factor state, each inside the caller's transaction. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { recordAudit } from '../audit/record-audit.ts';

type Trx = Transaction<ServerDatabase>;

/**
 * Claims a code's time step for a user: compare-and-set on the last accepted step, so each code
 * is good once and of two concurrent uses of one code only one wins. The secret (as stored, sealed)
 * must still be the one the code was checked against (not reset or replaced meanwhile). False: the code was used.
 */
export async function claimTotpStep(trx: Trx, args: { userId: string; secret: string; step: number }): Promise<boolean> {
  const claimed = await trx.updateTable('users').set({ totp_last_step: args.step })
    .where('id', '=', args.userId)
    .where('totp_secret', '=', args.secret)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', args.step)]))
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Turns the second factor on and audits it. */
export async function enableTotp(trx: Trx, who: { userId: string; agencyId: string; ip: string; at: Date }): Promise<void> {
  await trx.updateTable('users').set({ totp_enabled: 1, totp_setup_hash: null }).where('id', '=', who.userId).execute();
  await recordAudit(trx, {
    actor: { userId: who.userId, agencyId: who.agencyId, ip: who.ip },
    action: 'auth.totp_enrolled', entityType: 'user', entityId: who.userId, outcome: 'success', at: who.at,
  });
}

/** Removes a user's second factor entirely (secret, on flag, last step), as an admin reset does. */
export async function clearTotp(trx: Trx, userId: string, now: Date): Promise<void> {
  // Access tokens issued before now stop working too (authenticate compares their issue time).
  const cutOff = now.toISOString();
  await trx.updateTable('users').set({ totp_secret: null, totp_enabled: 0, totp_last_step: null, totp_setup_hash: null, sessions_valid_after: cutOff }).where('id', '=', userId).execute();
}
