/**
 * Uploads the planned demo documents through the real upload path (content check, blob stored and
 * sealed as configured, row, change and audit), each in its own transaction as an upload is.
 */
import { Readable } from 'node:stream';
import { auditActorOf } from './seed-directory.ts';
import type { SeedTarget } from './seed-target.ts';
import type { PlannedDocument } from './seed-world.ts';
import { stageBlob } from '../documents/blob-store.ts';
import { uploadDocument } from '../documents/upload-document.ts';
import { silentNotifier } from '../context/change-notifier.ts';

/** Uploads each planned document as its uploader at its planned time; answers how many. */
export async function uploadPlannedDocuments(target: SeedTarget, documents: readonly PlannedDocument[]): Promise<number> {
  for (const planned of documents) {
    const staged = await stageBlob(target.config.dataDir, Readable.from([planned.file.content]));
    // The seed runs before (or without) the real-time layer: nobody is connected to poke.
    const ctx = { db: target.db, config: target.config, now: () => planned.at, notifier: silentNotifier };
    await uploadDocument(ctx, planned.uploader, auditActorOf(planned.uploader), {
      caseId: planned.caseId, fields: { sharingLevel: 'parent' }, fileName: planned.file.fileName, declaredType: planned.file.contentType, staged,
    });
  }
  return documents.length;
}
