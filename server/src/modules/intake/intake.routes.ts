import { Router } from 'express';
import { z } from 'zod';
import {
  ImportFileQuerySchema,
  ListImportsQuerySchema,
  SampleExportQuerySchema,
} from '@tannha/shared';
import { byId, byQuery, endpoint, withStatus, type ModuleDeps } from '../../lib/http';
import { readIdempotencyKey } from '../../lib/idempotency';
import { rawUpload } from '../../lib/import/text-upload';
import type { JobHooks } from '../jobs/jobs.service';
import { INTAKE_FILE_MAX_BYTES } from './intake-file';
import {
  commitImport,
  getImport,
  listImports,
  previewImport,
  sampleExport,
} from './intake-imports';

const UploadQuerySchema = ImportFileQuerySchema.extend({
  /** The client's token, echoed in `intake.progress` events. */
  progressToken: z.string().trim().max(100).optional(),
});

/**
 * Results intake by file: the one-stop system's export (CSV or .xlsx as the raw request body,
 * up to 20 MB) previewed row by row, then committed; the list of imports; a synthetic sample
 * export to try it with.
 */
export function intakeRoutes({ db, jobHooks }: ModuleDeps & { jobHooks: JobHooks }): Router {
  const router = Router();
  router.post(
    '/intake/imports/preview',
    rawUpload(INTAKE_FILE_MAX_BYTES),
    endpoint({ can: 'intake.import', query: UploadQuerySchema }, async ({ auth, query, req }) =>
      previewImport(db, auth, { body: req.body, fileName: query.fileName }, jobHooks),
    ),
  );
  router.post(
    '/intake/imports',
    rawUpload(INTAKE_FILE_MAX_BYTES),
    endpoint({ can: 'intake.import', query: UploadQuerySchema }, async ({ auth, query, req }) => {
      const idempotencyKey = readIdempotencyKey(req.get('Idempotency-Key'));
      const r = await commitImport(
        db,
        auth,
        { body: req.body, fileName: query.fileName, ip: req.ip, idempotencyKey, ...query },
        jobHooks,
      );
      return withStatus(r.status, r.body);
    }),
  );
  router.get(
    '/intake/imports',
    byQuery('intake.list', ListImportsQuerySchema, (auth, query) => listImports(db, auth, query)),
  );
  router.get(
    '/intake/imports/:id',
    byId('intake.list', (auth, id) => getImport(db, auth, id)),
  );
  router.get(
    '/intake/sample-export',
    endpoint(
      { can: 'intake.import', query: SampleExportQuerySchema },
      async ({ auth, query, res }) => {
        const file = await sampleExport(db, auth, query);
        res.setHeader('Content-Type', file.contentType);
        res.setHeader('Content-Disposition', `attachment; filename="${file.fileName}"`);
        res.send(file.body);
      },
    ),
  );
  return router;
}
