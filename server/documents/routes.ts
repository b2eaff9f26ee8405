/** Registers the documents routes declared in domain/http/document-routes.ts. */
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { UploadFieldsSchema } from '../../domain/documents/upload-fields.ts';
import { CodedError } from '../../domain/errors.ts';
import { CaseParams } from '../../domain/http/document-routes.ts';
import { IdParams } from '../../domain/http/route.ts';
import { routes } from '../../domain/http/routes.ts';
import { parseOrThrow } from '../../domain/validation-error.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { recordListRead } from '../audit/record-list-read.ts';
import { authenticateBeforeBody, authenticatedUser } from '../http/authenticate-first.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { discard } from './blob-store.ts';
import { deleteDocument } from './delete-document.ts';
import { findVisibleDocument, listVisibleCaseDocuments, toDocumentRecords } from './document-record.ts';
import { sendDocumentContent } from './download-document.ts';
import { assertMayAddDocument } from './may-add-document.ts';
import { receiveUpload, UPLOAD_LIMITS } from './receive-upload.ts';
import { shareDocument } from './share-document.ts';
import { uploadDocument } from './upload-document.ts';

/** Registers the documents routes. */
export async function registerDocumentRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  // Multipart parsing exists only inside this scope, for the upload route, with tight limits.
  await app.register(async (scope) => {
    await scope.register(multipart, { limits: UPLOAD_LIMITS, throwFileSizeLimit: false });
    const def = routes.uploadDocument;
    scope.route({
      method: def.method,
      url: def.path,
      // Before multipart parsing: an anonymous upload is refused without a byte of it being staged.
      preParsing: authenticateBeforeBody(ctx),
      handler: async (request, reply) => {
        const user = authenticatedUser(request);
        const params = parseOrThrow(CaseParams, request.params, 'path');
        // Refuse before reading the body, so nobody can fill the disk with uploads to cases they cannot use.
        await assertMayAddDocument(ctx.db, user, ctx.now().toISOString(), params.caseId, null);
        const received = await receiveUpload(request, ctx.config.dataDir);
        let fields;
        try {
          fields = parseOrThrow(UploadFieldsSchema, received.fields, 'form field');
        } catch (error) {
          await discard(received.file.staged.tempPath);
          throw error;
        }
        const record = await uploadDocument(ctx, user, actorOf(user, request), {
          caseId: params.caseId, fields, fileName: received.file.fileName, declaredType: received.file.declaredType, staged: received.file.staged,
        });
        return reply.status(201).send(def.response.parse(record));
      },
    });
  });

  const download = routes.downloadDocument;
  app.route({
    method: download.method,
    url: download.path,
    preParsing: authenticateBeforeBody(ctx),
    handler: async (request, reply) => {
      const user = authenticatedUser(request);
      const params = parseOrThrow(IdParams, request.params, 'path');
      parseOrThrow(download.query, request.query ?? {}, 'query');
      return sendDocumentContent(ctx, user, actorOf(user, request), params.id, request, reply);
    },
  });

  registerRoute(app, ctx, routes.getDocument, async ({ params, user, request }) => {
    const now = ctx.now();
    const row = await findVisibleDocument(ctx.db, user, now.toISOString(), params.id);
    if (!row) {
      throw new CodedError('not_found', 'No such document.');
    }
    const [record] = await toDocumentRecords(ctx.db, user, [row]);
    await recordAuditNow(ctx.db, { actor: actorOf(user, request), action: 'record.view', entityType: 'document', entityId: row.id, outcome: 'success', at: now });
    return record!;
  });

  registerRoute(app, ctx, routes.listCaseDocuments, async ({ params, user, request }) => {
    const now = ctx.now();
    const at = now.toISOString();
    const visibleCase = await ctx.db.selectFrom('cases').select('id').where('id', '=', params.caseId)
      .where(caseVisibleSql(user, at, 'cases')).executeTakeFirst();
    if (!visibleCase) {
      throw new CodedError('not_found', 'No such case.');
    }
    const rows = await listVisibleCaseDocuments(ctx.db, user, at, params.caseId);
    const documents = await toDocumentRecords(ctx.db, user, rows);
    await recordListRead(ctx.db, {
      actor: actorOf(user, request), list: 'documents', entityType: 'case', entityId: params.caseId, ids: documents.map((d) => d.id), at: now,
    });
    return { documents };
  });

  registerRoute(app, ctx, routes.shareDocument, ({ params, user, body, request }) => shareDocument(ctx, user, actorOf(user, request), params.id, body));

  registerRoute(app, ctx, routes.deleteDocument, async ({ params, user, request }) => {
    await deleteDocument(ctx, user, actorOf(user, request), params.id);
    return { id: params.id, deleted: true as const };
  });
}
