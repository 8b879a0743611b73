import { describe, expect, it, vi } from 'vitest';

import * as shared from '../../../lib/queries/units';
import * as feature from './get-units.api';

// The unit project has no `@/` alias; resolve it to the same module.
vi.mock('@/lib/queries/units', async () => await import('../../../lib/queries/units'));
vi.mock('@/lib/api-client', async () => await import('../../../lib/api-client'));

describe('units query of the units feature', () => {
  it('is the one shared declaration, not a second copy', () => {
    expect(feature.useUnits).toBe(shared.useUnits);
    expect(feature.unitsQueryOptions).toBe(shared.unitsQueryOptions);
    // The operator console (shared module) and the manager home (this feature) share one entry.
    expect(feature.unitsQueryOptions().queryKey).toEqual(shared.unitKeys.list());
  });
});
