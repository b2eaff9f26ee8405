import { describe, expect, it } from 'vitest';
import { buildQueueRow, buildSyncStatus } from '../../test-support/factories.ts';
import { toResult } from './result-validator.ts';

describe('toResult', () => {
  it('passes a value that matches the channel output schema', () => {
    const page = { rows: [buildQueueRow()], total: 1, totalCapped: false };
    expect(toResult('cases.queue', { ok: true, value: page })).toEqual({ ok: true, value: page });
  });

  it('passes a coded error through with its code and message', () => {
    const error = { code: 'authentication_error', message: 'bad credentials' };
    expect(toResult('session.signIn', { ok: false, error })).toEqual({ ok: false, error });
  });

  it('turns an error code this version does not know into internal_error', () => {
    const result = toResult('sync.now', { ok: false, error: { code: 'teapot', message: 'short and stout' } });
    expect(result).toEqual({ ok: false, error: { code: 'internal_error', message: 'short and stout' } });
  });

  it('rejects a value that breaks the contract instead of rendering it', () => {
    const result = toResult('sync.status', { ok: true, value: { ...buildSyncStatus(), phase: 'synced' } });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('internal_error');
  });

  it('rejects an answer that is not a result envelope', () => {
    for (const raw of [null, 'ok', { ok: 'yes' }, { ok: false }, { value: 1 }]) {
      const result = toResult('session.state', raw);
      expect(!result.ok && result.error.code, JSON.stringify(raw)).toBe('internal_error');
    }
  });
});
