import type { JobStatus } from '@tannha/shared';

import { enqueue } from './outbox';
import { lastFix } from './position';

/** A new action id (also its Idempotency-Key). */
export function newId(): string {
  return crypto.randomUUID();
}

/** When and where the courier acted: taken at the tap, not when the network sends it. */
function stamp() {
  const f = lastFix();
  return { occurredAt: new Date().toISOString(), ...(f ? { lat: f.lat, lng: f.lng } : {}) };
}

/** Queues a job transition (`POST /api/jobs/:id/transitions`). */
export function queueTransition(
  jobId: string,
  to: JobStatus,
  label: string,
  extra: { reason?: string; data?: Record<string, unknown> } = {},
) {
  return queueJson(jobId, `/api/jobs/${jobId}/transitions`, { to, ...extra }, label, to);
}

/** Queues a file upload; returns the action id to reference with `@ref:`. */
export function queueUpload(
  jobId: string,
  kind: string,
  file: Blob,
  label: string,
  fields: Record<string, string> = {},
) {
  const ext = file.type === 'image/png' ? 'png' : file.type === 'application/pdf' ? 'pdf' : 'jpg';
  return enqueue({
    id: newId(),
    jobId,
    label,
    url: `/api/jobs/${jobId}/documents`,
    form: { fields: { kind, ...fields }, file, filename: `${kind}.${ext}` },
    ...stamp(),
  });
}

/** Queues any JSON write of the courier flow (payments, handover, slip, submission). */
export function queueJson(
  jobId: string | null,
  url: string,
  body: Record<string, unknown>,
  label: string,
  expectStatus?: JobStatus,
) {
  const stamped = stamp();
  return enqueue({
    id: newId(),
    jobId,
    label,
    url,
    json: { ...stamped, ...body },
    ...stamped,
    expectStatus,
  });
}
