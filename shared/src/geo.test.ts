import { describe, expect, it } from 'vitest';
import { MIN_ARRIVAL_MINUTES, arrivalMinutes, haversineKm } from './geo';

describe('geo', () => {
  it('measures Biên Hòa to Long Khánh as the crow flies (≈ 44 km)', () => {
    const km = haversineKm({ lat: 10.9574, lng: 106.8427 }, { lat: 10.9318, lng: 107.2457 });
    expect(km).toBeGreaterThan(43);
    expect(km).toBeLessThan(45);
  });

  it('estimates arrival by road at town speed, never under the minimum', () => {
    const here = { lat: 10.95, lng: 106.84 };
    expect(arrivalMinutes(here, here)).toBe(MIN_ARRIVAL_MINUTES);
    // 10 km straight → 13 km by road → 31 minutes at 25 km/h.
    const tenKmNorth = { lat: 10.95 + 10 / 111.195, lng: 106.84 };
    expect(arrivalMinutes(here, tenKmNorth)).toBe(31);
  });
});
