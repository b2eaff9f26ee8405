/**
 * The meeting pack worker thread (docs/marac.md): typesets copies off the server's event loop.
 * Each message is one copy; the answer carries the PDF or a coded error.
 */
import { parentPort } from 'node:worker_threads';
import { CodedError } from '../../../domain/errors.ts';
import type { PackJob, PackJobAnswer } from './pack-worker-messages.ts';
import { renderMeetingPack } from './render-meeting-pack.ts';

const port = parentPort;
if (port === null) {
  throw new Error('pack-worker.ts runs only as a worker thread');
}
port.on('message', (job: PackJob) => {
  let answer: PackJobAnswer;
  try {
    const rendered = renderMeetingPack(job.model, job.recipient, new Date(job.at));
    answer = { id: job.id, ok: true, rendered };
  } catch (e) {
    answer = {
      id: job.id, ok: false,
      code: e instanceof CodedError ? e.code : 'internal_error',
      message: e instanceof CodedError ? e.message : 'The pack could not be typeset.',
    };
  }
  // Copied, not transferred: the engine's PDF may live in memory a thread cannot hand over.
  port.postMessage(answer);
});
