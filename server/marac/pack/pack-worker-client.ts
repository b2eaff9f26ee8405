/**
 * Runs meeting pack typesetting in one worker thread, started on first use (docs/marac.md): a
 * coordinator's eight copies take seconds of CPU, and on the event loop they would stall every
 * other request. Jobs are answered in turn; a worker that dies fails its jobs and is started again.
 */
import { Worker } from 'node:worker_threads';
import { CodedError } from '../../../domain/errors.ts';
import type { MeetingPack } from '../../../domain/marac/meeting-pack.ts';
import type { PackRecipient } from '../../../domain/marac/meeting-pack-copy.ts';
import type { PackJob, PackJobAnswer } from './pack-worker-messages.ts';
import type { RenderedPack } from './render-meeting-pack.ts';
import { tsxWorkerScript } from '../../workers/tsx-worker-script.ts';

/** Typesets copies in a worker thread. */
export interface PackWorkerClient {
  render(model: MeetingPack, recipient: PackRecipient, at: Date): Promise<RenderedPack>;
  close(): Promise<void>;
}

interface Pending {
  resolve: (r: RenderedPack) => void;
  reject: (e: Error) => void;
}

/** A client whose worker starts on the first job. */
export function createPackWorkerClient(): PackWorkerClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    for (const p of pending.values()) {
      p.reject(error);
    }
    pending.clear();
  };
  const start = (): Worker => {
    const w = new Worker(tsxWorkerScript(new URL('./pack-worker.ts', import.meta.url)), { eval: true });
    w.on('message', (answer: PackJobAnswer) => {
      const p = pending.get(answer.id);
      pending.delete(answer.id);
      if (pending.size === 0) {
        w.unref();
      }
      if (p === undefined) {
        return;
      }
      if (answer.ok) {
        p.resolve({ ...answer.rendered, pdf: new Uint8Array(answer.rendered.pdf) });
      } else {
        p.reject(new CodedError(answer.code, answer.message));
      }
    });
    w.on('error', (e: Error) => failAll(new CodedError('internal_error', `The pack worker failed: ${e.message}`)));
    w.on('exit', () => {
      worker = null;
      failAll(new CodedError('internal_error', 'The pack worker stopped.'));
    });
    return w;
  };

  return {
    render(model, recipient, at) {
      worker ??= start();
      // Busy, the worker keeps the process alive; idle, it does not.
      worker.ref();
      const id = nextId++;
      const job: PackJob = { id, model, recipient, at: at.toISOString() };
      return new Promise<RenderedPack>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker!.postMessage(job);
      });
    },
    async close() {
      const w = worker;
      worker = null;
      if (w !== null) {
        await w.terminate();
      }
    },
  };
}
