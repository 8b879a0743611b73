import type {
  AgencyHandoverCandidate,
  AgencyHandover,
  AgencyHandoverSummary,
  DossierSlip,
} from '@tannha/shared';
import type {
  AgencyHandoverCandidateRow,
  AgencyHandoverSummaryRow,
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
    agencyHandoverId: s.agencyHandoverId,
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
    clerkSignatureId: full.h.clerkSignatureId,
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

export function presentHandoverCandidate(c: AgencyHandoverCandidateRow): AgencyHandoverCandidate {
  return {
    jobId: c.jobId,
    jobCode: c.jobCode,
    status: c.status as AgencyHandoverCandidate['status'],
    citizenName: c.citizenName,
    procedureName: c.procedureName,
    agency: c.agency,
    slipNo: c.slipNo,
    complete: c.complete,
    missing: c.missing,
    collectedAt: c.collectedAt.toISOString(),
    courierName: c.courierName,
  };
}

export function presentAgencyHandoverSummary(h: AgencyHandoverSummaryRow): AgencyHandoverSummary {
  return {
    id: h.id,
    recordNo: h.recordNo,
    agencyName: h.agencyName,
    clerkName: h.clerkName,
    courierName: h.courierName,
    signedAt: h.signedAt.toISOString(),
    itemCount: h.itemCount,
  };
}
