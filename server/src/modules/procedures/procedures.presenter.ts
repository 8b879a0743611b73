import type { CatalogueProcedure, Procedure } from '@tannha/shared';
import type { ProcedureRow } from './procedures.repository';

/** API shape of a catalogue entry. */
export function presentProcedure(p: ProcedureRow): Procedure {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    agency: p.agency,
    field: p.field,
    processingDays: p.processingDays,
    feeVnd: p.feeVnd,
    postalChargeVnd: p.postalChargeVnd,
    requiredPapers: p.requiredPapers,
    inPersonOnly: p.inPersonOnly,
    sample: p.sample,
  };
}

/** A catalogue entry as the admin sees it (and the audit trail keeps it): with `active`. */
export function presentCatalogueProcedure(p: ProcedureRow): CatalogueProcedure {
  return { ...presentProcedure(p), active: p.active };
}
