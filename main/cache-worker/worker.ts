/** The cache worker thread: owns the encrypted database, so no SQL ever runs on the Electron main thread. */
import { isMainThread, parentPort, threadId, workerData } from 'node:worker_threads';
import { openEncryptedDb } from './open-encrypted-db.ts';
import { toWireError, StatementRunner, WriteCount } from './statement-runner.ts';
import type { ConnectionRole, WorkerRequest, WorkerResponse, WorkerStartData } from './protocol.ts';
import { CacheError } from './cache-error.ts';

if (isMainThread || parentPort === null) {
  throw new Error('main/cache-worker/worker.ts runs only as a worker thread; use openCache().');
}
const port = parentPort;
const start = workerData as WorkerStartData;
const post = (message: WorkerResponse) => port.postMessage(message);

function openConnections(): Record<ConnectionRole, StatementRunner> {
  // One writer and one reader over the same file (WAL): the reader sees only committed data and
  // never waits for a write transaction to finish; query_only is a second guard under stmt.readonly.
  const writeDb = openEncryptedDb(start.file, start.keyHex, start.nativeBinding);
  let readDb;
  try {
    readDb = openEncryptedDb(start.file, start.keyHex, start.nativeBinding);
  } catch (error) {
    writeDb.close();
    throw error;
  }
  readDb.pragma('query_only = ON');
  for (const db of [writeDb, readDb]) {
    // Diagnostics: proves which thread ran a statement.
    db.function('casebridge_thread_id', { deterministic: false }, () => threadId);
  }
  // One count for both connections: a migration on the writer changes what the reader's statements return.
  const writes = new WriteCount();
  return {
    write: new StatementRunner(writeDb, 'write', start.statementCacheSize, writes),
    read: new StatementRunner(readDb, 'read', start.statementCacheSize, writes),
  };
}

let connections: Record<ConnectionRole, StatementRunner> | null = null;
try {
  connections = openConnections();
  post({ kind: 'ready' });
} catch (error) {
  post({ kind: 'open_failed', error: toWireError(error, start.keyHex) });
  port.close();
}

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'close') {
    connections?.read.close();
    connections?.write.close();
    connections = null;
    post({ kind: 'result', id: request.id, result: { columns: [], values: [] } });
    return;
  }
  try {
    if (connections === null) {
      throw new CacheError('session_locked', 'closed', 'The local cache is closed.');
    }
    const runner = connections[request.role];
    if (request.kind === 'batch') {
      post({ kind: 'results', id: request.id, results: runner.runBatch(request.statements) });
    } else {
      post({ kind: 'result', id: request.id, result: runner.run(request.sql, request.parameters) });
    }
  } catch (error) {
    post({ kind: 'error', id: request.id, error: toWireError(error, start.keyHex) });
  }
});
