import { Router } from 'express';
import { z } from 'zod';
import { ReportRangeQuerySchema } from '@tannha/shared';
import { endpoint, type ModuleDeps } from '../../lib/http';
import { EXPORT_KINDS, streamExport, type ExportFormat, type ExportKind } from './exports.service';

const FILES = EXPORT_KINDS.flatMap((k) => [`${k}.csv`, `${k}.xlsx`]) as [string, ...string[]];
const ExportParamsSchema = z.object({ file: z.enum(FILES) });

/**
 * GET /api/exports/{calls|jobs|payments}.{csv|xlsx}?from&to&unitId — the dashboard's
 * filters, streamed as a download.
 */
export function exportsRoutes({ db }: ModuleDeps): Router {
  const router = Router();
  router.get(
    '/exports/:file',
    endpoint(
      { can: 'exports.download', params: ExportParamsSchema, query: ReportRangeQuerySchema },
      async ({ auth, params, query, res }) => {
        const [kind, format] = params.file.split('.') as [ExportKind, ExportFormat];
        await streamExport(db, auth, kind, format, query, res);
      },
    ),
  );
  return router;
}
