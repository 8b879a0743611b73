import type { GeocodeResult, GeocodeSuggestion } from '@tannha/shared';
import { logger } from '../../lib/logger';

/** How long the geocoder may take before the user is told to pin by hand. */
export const GEOCODER_TIMEOUT_MS = 3000;

/** The User-Agent the geocoder sees (Nominatim's usage policy asks every client to name itself). */
export const GEOCODER_USER_AGENT = 'TanNha1022/1.0 (1022 hotline and postal home service)';

export type GeocodeOptions = {
  /** A Nominatim-compatible search API base (GEOCODER_URL); undefined: none configured. */
  url: string | undefined;
  /** Milliseconds before giving up (default {@link GEOCODER_TIMEOUT_MS}). */
  timeoutMs?: number | undefined;
};

/** One row of Nominatim's `format=jsonv2` answer (only what is read). */
type NominatimPlace = { display_name?: unknown; lat?: unknown; lon?: unknown };

function suggestion(p: NominatimPlace): GeocodeSuggestion | null {
  const lat = Number(p.lat);
  const lng = Number(p.lon);
  if (typeof p.display_name !== 'string' || !Number.isFinite(lat) || !Number.isFinite(lng))
    return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  return { label: p.display_name.slice(0, 300), lat, lng };
}

/**
 * Asks the geocoder for up to five places in Vietnam matching `q`. The suggestions are only
 * returned, never applied. Without a geocoder: `configured: false`. A geocoder that is down,
 * slow or answers nonsense: `unavailable: true` with no items (never an error for the user).
 */
export async function geocode(q: string, opts: GeocodeOptions): Promise<GeocodeResult> {
  if (!opts.url) return { configured: false, items: [] };
  const url = new URL(`${opts.url.replace(/\/+$/, '')}/search`);
  url.search = new URLSearchParams({
    format: 'jsonv2',
    q,
    countrycodes: 'vn',
    limit: '5',
    'accept-language': 'vi',
  }).toString();
  try {
    const res = await fetch(url, {
      headers: { 'User-Agent': GEOCODER_USER_AGENT, Accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? GEOCODER_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`geocoder answered ${res.status}`);
    const body = (await res.json()) as unknown;
    if (!Array.isArray(body)) throw new Error('geocoder answer is not a list');
    const items = (body as NominatimPlace[])
      .map(suggestion)
      .filter((s): s is GeocodeSuggestion => s !== null)
      .slice(0, 5);
    return { configured: true, items };
  } catch (err) {
    logger.warn({ err: (err as Error).message }, 'geocoder unavailable');
    return { configured: true, unavailable: true, items: [] };
  }
}
