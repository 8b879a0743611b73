import type { JobStatus } from '@tannha/shared';

import { enqueue } from './outbox';
import { lastFix } from './position';

/** A new action id (also its Idempotency-Key). */
export function newId(): string {
  return crypto.randomUUID();
}

function where() {
  const f = lastFix();
  return f ? { lat: f.lat, lng: f.lng } : {};
}

/** Queues a job transition (`POST /api/jobs/:id/transitions`). */
export function queueTransition(
  jobId: string,
  to: JobStatus,
  label: string,
  extra: { reason?: string; data?: Record<string, unknown> } = {},
) {
  const occurredAt = new Date().toISOString();
  const place = where();
  return enqueue({
    id: newId(),
    jobId,
    label,
    url: `/api/jobs/${jobId}/transitions`,
    json: { to, occurredAt, ...place, ...extra },
    occurredAt,
    ...place,
    expectStatus: to,
  });
}

/** Queues a file upload; returns the action id to reference with `@ref:`. */
export function queueUpload(
  jobId: string,
  kind: string,
  file: Blob,
  label: string,
  fields: Record<string, string> = {},
) {
  const occurredAt = new Date().toISOString();
  const place = where();
  const ext = file.type === 'image/png' ? 'png' : file.type === 'application/pdf' ? 'pdf' : 'jpg';
  return enqueue({
    id: newId(),
    jobId,
    label,
    url: `/api/jobs/${jobId}/documents`,
    form: { fields: { kind, ...fields }, file, filename: `${kind}.${ext}` },
    occurredAt,
    ...place,
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
  const occurredAt = new Date().toISOString();
  const place = where();
  return enqueue({
    id: newId(),
    jobId,
    label,
    url,
    json: { occurredAt, ...place, ...body },
    occurredAt,
    ...place,
    expectStatus,
  });
}
