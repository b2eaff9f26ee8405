import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.ts';

describe('withStatementCache', () => {
  it('reuses a statement by SQL text and evicts the least recently used beyond the limit', () => {
    const db = withStatementCache(new Database(':memory:'), 2);
    const a = db.prepare('select 1 as n');
    expect(db.prepare('select 1 as n')).toBe(a);
    db.prepare('select 2 as n');
    db.prepare('select 1 as n'); // touched: now the most recent
    db.prepare('select 3 as n'); // evicts `select 2`
    expect(db.prepare('select 1 as n')).toBe(a);
    db.close();
  });

  it('answers with the current schema after the table changes under a cached statement', () => {
    const sqlite = new Database(':memory:');
    const db = withStatementCache(sqlite);
    sqlite.exec('create table t (a integer); insert into t values (1)');
    expect(db.prepare('select * from t').all([])).toEqual([{ a: 1 }]);
    sqlite.exec('alter table t add column b text default \'x\'');
    expect(db.prepare('select * from t').all([])).toEqual([{ a: 1, b: 'x' }]);
    db.close();
  });
});
