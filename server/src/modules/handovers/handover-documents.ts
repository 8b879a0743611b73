import type { Tx } from '../../db/client';
import { unprocessable, type LocalizedText } from '../../lib/errors';
import { findDocumentKinds } from './handovers.repository';

/**
 * 422 `document_not_on_job` unless every photo or signature named is a file of the job(s),
 * not removed, of one of the kinds wanted; the answer names each field that fails.
 */
export async function assertDocuments(
  tx: Tx,
  jobId: string | readonly string[],
  wanted: Record<string, { id: string | undefined; kinds: string[] }>,
): Promise<void> {
  const ids = Object.values(wanted)
    .map((w) => w.id)
    .filter((x): x is string => !!x);
  const kinds = await findDocumentKinds(tx, typeof jobId === 'string' ? [jobId] : jobId, ids);
  const fields: Record<string, LocalizedText> = {};
  for (const [field, w] of Object.entries(wanted)) {
    if (!w.id) continue;
    const k = kinds.get(w.id);
    if (!k || !w.kinds.includes(k))
      fields[field] = {
        vi: 'Ảnh/chữ ký không thuộc việc này hoặc sai loại',
        en: 'Not a file of this job, or the wrong kind',
      };
  }
  if (Object.keys(fields).length > 0) {
    throw unprocessable(
      'document_not_on_job',
      {
        vi: 'Có ảnh hoặc chữ ký không thuộc việc này. Hãy chụp/ký lại.',
        en: 'Some photos or signatures do not belong to this job. Take or sign them again.',
      },
      fields,
    );
  }
}
