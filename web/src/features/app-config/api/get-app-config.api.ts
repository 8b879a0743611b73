import { queryOptions, useQuery } from '@tanstack/react-query';

import { apiClient } from '@/lib/api-client';

/** Settings the server hands the browser (`GET /api/config`). */
export type AppConfig = {
  /** Leaflet tile URL template, e.g. `https://tile.openstreetmap.org/{z}/{x}/{y}.png`. */
  mapTileUrl: string;
  /** `twilio` when real calls and SMS are wired up, `console` for the built-in stand-in. */
  telephony: 'twilio' | 'console';
  /** Whether the server has a geocoder (`GEOCODER_URL`) to suggest positions for addresses. */
  geocoder?: boolean;
  /** The logged-in user's unit, where maps open; coordinates may not be recorded yet. */
  unit: { id: string; name: string; lat: number | null; lng: number | null } | null;
};

/** Query keys of the server's browser settings. */
export const appConfigKeys = {
  all: ['config'] as const,
};

/** `GET /api/config`. */
export async function getAppConfig(signal?: AbortSignal): Promise<AppConfig> {
  return apiClient.get<AppConfig>('/api/config', { signal });
}

/** Query options of `GET /api/config`. */
export function appConfigQueryOptions() {
  return queryOptions({
    queryKey: appConfigKeys.all,
    queryFn: ({ signal }) => getAppConfig(signal),
    // Configuration changes with a server restart, not while a page is open.
    staleTime: Infinity,
  });
}

/** The server's browser settings (tile URL, telephony, the user's unit). */
export function useAppConfig() {
  return useQuery(appConfigQueryOptions());
}
