import type { Courier } from '@tannha/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { onCourierDuty, onCourierMoved } from '@/lib/socket';

import { jobKeys } from '../api/jobs.api';

/** Moves courier markers as positions arrive and flips duty status, without refetching. */
export function useLiveCouriers() {
  const qc = useQueryClient();
  useEffect(() => {
    const update = (id: string, patch: (c: Courier) => Courier) =>
      qc.setQueryData<{ items: Courier[] }>(jobKeys.couriers(), (old) =>
        old ? { items: old.items.map((c) => (c.id === id ? patch(c) : c)) } : old,
      );
    const offMoved = onCourierMoved((p) =>
      update(p.courierId, (c) => ({
        ...c,
        position: { lat: p.lat, lng: p.lng, accuracy: p.accuracy, at: p.at },
      })),
    );
    const offDuty = onCourierDuty((p) =>
      update(p.courierId, (c) => ({ ...c, onDuty: p.onDuty, shiftEnd: p.shiftEnd })),
    );
    return () => {
      offMoved();
      offDuty();
    };
  }, [qc]);
}
