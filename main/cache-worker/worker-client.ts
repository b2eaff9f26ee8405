/** The main thread's side of the cache worker: starts it, sends statements, and turns every failure into a typed error. */
import { Worker } from 'node:worker_threads';
import { CacheError, closedError } from './cache-error.ts';
import type { ConnectionRole, WireResult, WireStatement, WorkerRequest, WorkerResponse, WorkerStartData } from './protocol.ts';
import { cacheWorkerEntry } from './worker-entry-path.ts';

/** How to start the worker. */
export interface StartCacheWorkerOptions {
  file: string;
  keyHex: string;
  /** An Electron-ABI build of the SQLite addon (see main/native/sqlite-binding.ts). */
  nativeBinding?: string;
  /** Prepared statements kept per connection (default 100). */
  statementCacheSize?: number;
  /** Sees the Worker as soon as it exists: for tests and diagnostics that watch its lifetime. */
  observe?: (worker: Worker) => void;
}

interface Pending {
  resolve: (answer: WireResult | WireResult[]) => void;
  reject: (error: CacheError) => void;
}

/** A running cache worker; every call resolves or rejects with a CacheError, none hangs. */
export class CacheWorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #nextId = 1;
  /** Null while usable; afterwards the error every call gets. */
  #failure: CacheError | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (message: WorkerResponse) => this.#onMessage(message));
    worker.on('error', (error: Error) => this.#fail(new CacheError('internal_error', 'worker_failed', `The cache worker failed: ${error.message}`)));
    worker.on('messageerror', () => this.#fail(new CacheError('internal_error', 'worker_failed', 'A cache worker message could not be read.')));
    worker.on('exit', (code) => this.#fail(new CacheError('internal_error', 'worker_failed', `The cache worker stopped (exit code ${code}).`)));
    // An idle worker must not keep the process alive; a pending call must.
    worker.unref();
  }

  /** Starts the worker and opens the cache in it; a wrong key rejects with `authentication_error` after the worker has exited. */
  static async start(options: StartCacheWorkerOptions): Promise<CacheWorkerClient> {
    const workerData: WorkerStartData = {
      file: options.file,
      keyHex: options.keyHex,
      statementCacheSize: options.statementCacheSize ?? 100,
      ...(options.nativeBinding === undefined ? {} : { nativeBinding: options.nativeBinding }),
    };
    const entry = cacheWorkerEntry();
    const worker = new Worker(entry.script, { workerData, eval: entry.eval });
    options.observe?.(worker);
    const opened = await firstAnswer(worker);
    if (opened instanceof CacheError || opened.kind !== 'ready') {
      await worker.terminate();
      throw opened instanceof CacheError ? opened : opened.kind === 'open_failed' ? CacheError.fromWire(opened.error) : new CacheError('internal_error', 'worker_failed', 'The cache worker answered out of turn.');
    }
    return new CacheWorkerClient(worker);
  }

  /** The worker's thread id (-1 once it has stopped). */
  get threadId(): number {
    return this.#worker.threadId;
  }

  /** Runs one statement on the read or write connection. */
  query(role: ConnectionRole, sql: string, parameters: readonly unknown[]): Promise<WireResult> {
    return this.#send<WireResult>({ id: this.#nextId++, kind: 'query', role, sql, parameters });
  }

  /** Runs statements in order in one round trip and one transaction on the read or write connection; results in the same order. */
  batch(role: ConnectionRole, statements: readonly WireStatement[]): Promise<WireResult[]> {
    return this.#send<WireResult[]>({ id: this.#nextId++, kind: 'batch', role, statements });
  }

  /** Closes both connections, then stops the worker; afterwards every call rejects with `session_locked`. Idempotent. */
  async close(): Promise<void> {
    if (this.#failure !== null) {
      return;
    }
    const closing = this.#send({ id: this.#nextId++, kind: 'close' });
    // Calls made from now on get the closed error, calls already sent still get their answers.
    this.#failure = closedError();
    try {
      await closing;
    } finally {
      await this.#worker.terminate();
    }
  }

  /** Stops the thread at once without closing the database: what a crash looks like (WAL keeps the file consistent). */
  async terminate(): Promise<void> {
    await this.#worker.terminate();
  }

  // The answer's shape follows the request's kind (`result` for a query, `results` for a batch).
  #send<A extends WireResult | WireResult[]>(request: WorkerRequest): Promise<A> {
    if (this.#failure !== null) {
      return Promise.reject(this.#failure);
    }
    return new Promise<A>((resolve, reject) => {
      if (this.#pending.size === 0) {
        this.#worker.ref();
      }
      this.#pending.set(request.id, { resolve: resolve as (answer: WireResult | WireResult[]) => void, reject });
      this.#worker.postMessage(request);
    });
  }

  #settle(id: number): Pending | undefined {
    const pending = this.#pending.get(id);
    this.#pending.delete(id);
    if (this.#pending.size === 0) {
      this.#worker.unref();
    }
    return pending;
  }

  #onMessage(message: WorkerResponse): void {
    if (message.kind === 'result') {
      this.#settle(message.id)?.resolve(message.result);
    } else if (message.kind === 'results') {
      this.#settle(message.id)?.resolve(message.results);
    } else if (message.kind === 'error') {
      this.#settle(message.id)?.reject(CacheError.fromWire(message.error));
    }
  }

  // The worker is gone or unusable: every waiting and future call rejects instead of hanging.
  #fail(error: CacheError): void {
    this.#failure ??= error;
    for (const [id, pending] of [...this.#pending]) {
      this.#pending.delete(id);
      pending.reject(this.#failure);
    }
  }
}

// The worker's first message says whether the cache opened; an early error or exit says it never will.
function firstAnswer(worker: Worker): Promise<WorkerResponse | CacheError> {
  return new Promise((resolve) => {
    // Remove only our own listeners: removeAllListeners() would also drop Node's port-referencing hooks.
    const done = (answer: WorkerResponse | CacheError) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      resolve(answer);
    };
    const onMessage = (message: WorkerResponse) => done(message);
    const onError = (error: Error) => done(new CacheError('internal_error', 'worker_failed', `The cache worker could not start: ${error.message}`));
    const onExit = (code: number) => done(new CacheError('internal_error', 'worker_failed', `The cache worker stopped while opening (exit code ${code}).`));
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}
