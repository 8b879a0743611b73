import type { AgencyHandover, DossierSlip } from '@tannha/shared';
import type {
  DeliveryHandoverRow,
  DossierSlipRow,
  findAgencyHandover,
} from './handovers.repository';

export function presentSlip(s: DossierSlipRow): DossierSlip {
  return {
    id: s.id,
    jobId: s.jobId,
    slipNo: s.slipNo,
    papers: s.papers,
    missing: s.missing,
    complete: s.complete,
    occurredAt: s.occurredAt.toISOString(),
    filedAt: s.filedAt ? s.filedAt.toISOString() : null,
    dossierCode: s.dossierCode,
    resultDueDate: s.resultDueDate,
  };
}

export function presentDeliveryHandover(h: DeliveryHandoverRow) {
  return {
    id: h.id,
    jobId: h.jobId,
    recipientKind: h.recipientKind as 'applicant' | 'proxy',
    recipientName: h.recipientName,
    idType: h.idType as 'cccd' | 'cmnd' | 'passport',
    idLast4: h.idLast4,
    idMatchesFile: h.idMatchesFile,
    occurredAt: h.occurredAt.toISOString(),
    recordedAt: h.recordedAt.toISOString(),
  };
}

export function presentAgencyHandover(
  full: NonNullable<Awaited<ReturnType<typeof findAgencyHandover>>>,
): Omit<AgencyHandover, 'replayed'> {
  return {
    id: full.h.id,
    recordNo: full.h.recordNo,
    agencyName: full.h.agencyName,
    clerkName: full.h.clerkName,
    courierName: full.courierName,
    unitName: full.unitName,
    signedAt: full.h.signedAt.toISOString(),
    items: full.items.map((i) => ({
      jobId: i.i.jobId,
      jobCode: i.jobCode,
      slipNo: i.i.slipNo,
      complete: i.i.complete,
      note: i.i.note,
      citizenName: i.citizenName,
      procedureName: i.procedureName,
    })),
  };
}
