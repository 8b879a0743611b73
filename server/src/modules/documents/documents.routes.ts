import { Router, type NextFunction, type Request, type Response } from 'express';
import multer from 'multer';
import { IdParamsSchema, ReorderDocumentsSchema, UploadDocumentFieldsSchema } from '@tannha/shared';
import { AppError, forbidden, unauthenticated, unprocessable } from '../../lib/errors';
import { byId, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import type { Storage } from '../../integrations/storage/storage';
import { assertCleanText } from '../../middleware/request-validation';
import { rolesFor, type Ability } from '../../policies';
import { createDocumentLimits } from './documents.intake';
import {
  bundleScansPdf,
  deleteDocument,
  fileTooLarge,
  listJobDocuments,
  readDocumentContent,
  reorderScans,
  uploadDocument,
} from './documents.service';

/** 400: a multipart body that cannot be read (cut short, malformed part headers). */
const invalidUpload = () =>
  new AppError(400, 'invalid_upload', {
    vi: 'Tệp tải lên bị hỏng hoặc bị cắt ngang; vui lòng gửi lại.',
    en: 'The upload is malformed or was cut short; please send it again.',
  });

/** Checks the session and the ability's role before a single upload byte is read. */
function requireAbility(ability: Ability) {
  const roles = rolesFor(ability);
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!req.auth) return next(unauthenticated());
    if (!roles.includes(req.auth.user.role)) return next(forbidden());
    next();
  };
}

/**
 * Scans, photos and signatures of a job: upload (multipart, field `file`), list, view,
 * remove, reorder, and the scans bundled into one PDF.
 */
export function documentsRoutes(
  deps: ModuleDeps & { storage: Storage; maxUploadBytes: number; maxUploadPixels: number },
): Router {
  const { db, storage, maxUploadBytes } = deps;
  const limits = createDocumentLimits(maxUploadBytes, deps.maxUploadPixels);
  const r = Router();
  // In memory: files are small (phones downscale before sending) and go straight to storage.
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: maxUploadBytes, files: 1, fields: 20 },
  }).single('file');
  const parseUpload = (req: Request, res: Response, next: NextFunction) =>
    upload(req, res, (err: unknown) => {
      if (!err) {
        try {
          assertCleanText(req.body, '');
        } catch (bad) {
          return next(bad);
        }
        return next();
      }
      if (err instanceof multer.MulterError) {
        if (err.code === 'LIMIT_FILE_SIZE') return next(fileTooLarge(maxUploadBytes));
        return next(
          unprocessable('upload_malformed', {
            vi: `Yêu cầu tải tệp không hợp lệ (${err.code}). Gửi đúng một tệp trong trường "file".`,
            en: `The upload is malformed (${err.code}). Send exactly one file in the field "file".`,
          }),
        );
      }
      // busboy's own refusals: a form cut short, a malformed part header, no boundary.
      next(err instanceof AppError ? err : invalidUpload());
    });

  r.post(
    '/jobs/:id/documents',
    requireAbility('documents.write'),
    parseUpload,
    endpoint(
      { can: 'documents.write', params: IdParamsSchema, body: UploadDocumentFieldsSchema },
      async ({ auth, params, body, req }) => {
        const res = await uploadDocument(db, storage, auth, params.id, req.file, body, {
          idempotencyKey: readIdempotencyKey(req.get('Idempotency-Key')),
          limits,
        });
        return withStatus(res.replayed ? 200 : 201, res.body);
      },
    ),
  );

  r.get(
    '/jobs/:id/documents',
    byId('documents.read', (auth, id) => listJobDocuments(db, auth, id)),
  );

  r.post(
    '/jobs/:id/documents/order',
    byId('documents.write', ReorderDocumentsSchema, (auth, id, body) =>
      reorderScans(db, auth, id, body.ids),
    ),
  );

  r.get(
    '/jobs/:id/documents/bundle.pdf',
    endpoint({ can: 'documents.read', params: IdParamsSchema }, async ({ auth, params, res }) => {
      const { pdf, unreadable, omitted } = await bundleScansPdf(
        db,
        storage,
        auth,
        params.id,
        limits,
      );
      res.setHeader('Content-Type', 'application/pdf');
      // Pages replaced by a notice, and pages left out past the limit (0 when complete).
      res.setHeader('X-Unreadable-Pages', String(unreadable));
      res.setHeader('X-Omitted-Pages', String(omitted));
      res.setHeader('Content-Disposition', 'inline; filename="ho-so.pdf"');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(pdf);
    }),
  );

  r.get(
    '/documents/:id/content',
    endpoint({ can: 'documents.read', params: IdParamsSchema }, async ({ auth, params, res }) => {
      const { contentType, bytes } = await readDocumentContent(db, storage, auth, params.id);
      res.setHeader('Content-Type', contentType);
      res.setHeader('Cache-Control', 'private, max-age=3600');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.end(bytes);
    }),
  );

  r.delete(
    '/documents/:id',
    endpoint({ can: 'documents.delete', params: IdParamsSchema }, async ({ auth, params }) => {
      await deleteDocument(db, auth, params.id);
      return withStatus(204);
    }),
  );
  return r;
}
