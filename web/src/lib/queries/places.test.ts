import { describe, expect, it } from 'vitest';

import { inVietnam, placeKeys } from './places';

describe('places', () => {
  it('accepts a pin in Vietnam, islands included, and refuses one outside', () => {
    expect(inVietnam(10.95, 106.82)).toBe(true);
    expect(inVietnam(8.65, 111.92)).toBe(true);
    expect(inVietnam(99, 106.82)).toBe(false);
    expect(inVietnam(13.75, 100.5)).toBe(false);
  });

  it('keys every ward search by its text and limit', () => {
    expect(placeKeys.wards('tran bien', 20)).not.toEqual(placeKeys.wards('tran bien', 5));
    expect(placeKeys.wards('a', 20)).not.toEqual(placeKeys.wards('b', 20));
  });
});
