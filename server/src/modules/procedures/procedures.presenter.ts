import type { Procedure } from '@tannha/shared';
import type { procedures } from '../../db/schema';

/** API shape of a catalogue entry. */
export function presentProcedure(p: typeof procedures.$inferSelect): Procedure {
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
