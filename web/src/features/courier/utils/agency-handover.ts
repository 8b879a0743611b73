import { formatVnDate, vnDateTimeParts, type AgencyHandoverInput } from '@tannha/shared';

import type { OutboxAction } from '../offline/outbox';

/** Where the phone queues a handover record (`POST /api/agency-handovers`). */
export const AGENCY_HANDOVER_URL = '/api/agency-handovers';

/** The body of a queued handover record, as the outbox keeps it until it is sent. */
export type QueuedHandover = Pick<
  AgencyHandoverInput,
  'agencyName' | 'clerkName' | 'items' | 'occurredAt'
> & { clerkSignatureId?: string };

/**
 * The receiving agencies of the dossiers picked, without repeats and blanks. One agency means
 * the record's "agency" field can be filled in for the courier.
 */
export function agenciesOf(picked: readonly { agency: string | null }[]): string[] {
  return [...new Set(picked.map((c) => c.agency?.trim() ?? '').filter((a) => a.length > 0))];
}

/** Handover records waiting in the outbox (not sent yet, or refused by the server). */
export function queuedHandovers(actions: readonly OutboxAction[]): OutboxAction[] {
  return actions.filter((a) => a.url === AGENCY_HANDOVER_URL && a.json !== undefined);
}

/** The body of a queued handover record. */
export function handoverBodyOf(action: OutboxAction): QueuedHandover {
  return action.json as QueuedHandover;
}

/**
 * Jobs listed by a handover record that waits in the outbox: they are not offered again, so
 * one dossier cannot be put into two records on the phone.
 */
export function queuedHandoverJobIds(actions: readonly OutboxAction[]): Set<string> {
  return new Set(
    queuedHandovers(actions).flatMap((a) => handoverBodyOf(a).items.map((i) => i.jobId)),
  );
}

/**
 * The outbox actions of one queued record: the record and the clerk's signature uploaded just
 * before it (named in the body as `@ref:<action id>`), to drop them together.
 */
export function actionsOfHandover(
  actions: readonly OutboxAction[],
  handover: OutboxAction,
): OutboxAction[] {
  const ref = handoverBodyOf(handover).clerkSignatureId;
  const signatureId = ref?.startsWith('@ref:') ? ref.slice(5) : undefined;
  return actions.filter((a) => a.id === handover.id || a.id === signatureId);
}

/** What the courier set for one dossier on the form. */
export type HandoverItemDraft = { picked: boolean; complete: boolean; note: string };

/** The form as filled in so far; the page keeps it so a refused record can be corrected. */
export type HandoverDraft = {
  /** By job id; a dossier not in here has its defaults (picked, as complete as its slip). */
  items: Record<string, HandoverItemDraft>;
  /** null while it follows the agency of the dossiers picked. */
  agencyName: string | null;
  clerkName: string;
};

export const EMPTY_HANDOVER_DRAFT: HandoverDraft = { items: {}, agencyName: null, clerkName: '' };

/**
 * A signing time as the handover record prints it, `dd/MM/yyyy HH:mm` in Vietnam time
 * whatever the phone's zone (the legal filing time, read by the counter).
 */
export function formatSignedAt(iso: string): string {
  const p = vnDateTimeParts(new Date(iso));
  const hhmm = [p.hour, p.minute].map((n) => String(n).padStart(2, '0')).join(':');
  return `${formatVnDate(p.date)} ${hhmm}`;
}
