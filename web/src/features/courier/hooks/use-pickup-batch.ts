import {
  normalizePickupCode,
  RESULT_PICKUP_MAX_CODES,
  type PickupJob,
  type ResultPickupReason,
} from '@tannha/shared';
import { useCallback, useEffect, useRef, useState } from 'react';

import { checkPickupCodes } from '../api/result-pickups.api';

/** One scanned code on the counter screen, as the server judged it (or is judging it). */
export type PickupEntry = {
  code: string;
  /** checking: asked; ok: in the batch; refused: never in the batch; unchecked: no answer yet (network). */
  state: 'checking' | 'ok' | 'refused' | 'unchecked';
  job?: PickupJob | undefined;
  reason?: ResultPickupReason | 'too_many' | undefined;
};

/** Scans arriving closer than this are checked together (a scanner gun fires a burst). */
const BURST_MS = 150;

/** A short low buzz and a vibration: the courier looks at the stack, not the screen. */
function signalRefusal() {
  navigator.vibrate?.(200);
  try {
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = 'square';
    osc.frequency.value = 220;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    osc.onended = () => void ctx.close();
    osc.start();
    osc.stop(ctx.currentTime + 0.25);
  } catch {
    // No audio on this device (or not allowed yet): the vibration and the red line remain.
  }
}

/** Codes of the batch itself: those the server accepted or has not answered for. */
const inBatch = (e: PickupEntry) => e.state !== 'refused';

/**
 * The counter pickup's list: each code typed or scanned is added at once and checked with the
 * server (bursts of scans in one request, with the codes already accepted so a second code of
 * the same result is caught); accepted ones form the batch, refused ones stay visible with
 * their reason (and a buzz) but never enter it. Without a network codes wait as unchecked and
 * are checked again with `recheck`.
 */
export function usePickupBatch() {
  const [entries, setEntries] = useState<PickupEntry[]>([]);
  const entriesRef = useRef(entries);
  const waiting = useRef<string[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    entriesRef.current = entries;
  }, [entries]);
  useEffect(() => () => clearTimeout(timer.current), []);

  const judge = useCallback(async (codes: string[]) => {
    const accepted = entriesRef.current.filter((e) => e.state === 'ok').map((e) => e.code);
    const context = accepted.slice(
      Math.max(0, accepted.length + codes.length - RESULT_PICKUP_MAX_CODES),
    );
    try {
      const res = await checkPickupCodes([...context, ...codes]);
      const answers = res.items.slice(context.length);
      const verdicts = new Map(answers.map((v) => [v.code, v]));
      setEntries((prev) =>
        prev.map((e) => {
          const v = e.state === 'checking' ? verdicts.get(e.code) : undefined;
          if (!v) return e;
          return v.ok
            ? { ...e, state: 'ok', job: v.job }
            : { ...e, state: 'refused', reason: v.reason };
        }),
      );
      if (answers.some((v) => !v.ok)) signalRefusal();
    } catch {
      setEntries((prev) =>
        prev.map((e) =>
          e.state === 'checking' && codes.includes(e.code) ? { ...e, state: 'unchecked' } : e,
        ),
      );
    }
  }, []);

  const flush = useCallback(() => {
    const codes = waiting.current;
    waiting.current = [];
    if (codes.length > 0) void judge(codes);
  }, [judge]);

  /** Adds what was typed or scanned (several codes may be pasted at once, split by spaces, commas or lines). */
  const add = useCallback(
    (raw: string) => {
      const codes = raw
        .split(/[\s,;]+/)
        .map(normalizePickupCode)
        .filter(Boolean);
      if (codes.length === 0) return;
      const next = [...entriesRef.current];
      let local = false;
      for (const code of codes) {
        const batch = next.filter(inBatch);
        let reason: PickupEntry['reason'];
        if (batch.some((e) => e.code === code)) reason = 'duplicate';
        else if (batch.length >= RESULT_PICKUP_MAX_CODES) reason = 'too_many';
        const rest = next.filter((e) => e.code !== code || inBatch(e));
        if (reason) {
          local = true;
          next.splice(0, next.length, { code, state: 'refused', reason }, ...rest);
          continue;
        }
        next.splice(0, next.length, { code, state: 'checking' }, ...rest);
        waiting.current.push(code);
      }
      entriesRef.current = next;
      setEntries(next);
      if (local) signalRefusal();
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, BURST_MS);
    },
    [flush],
  );

  /**
   * Takes a line off the list: a result the courier hands back, or a refusal once read (which
   * leaves the same code's accepted line in place).
   */
  const remove = useCallback((entry: PickupEntry) => {
    const refused = entry.state === 'refused';
    setEntries((prev) =>
      prev.filter((e) => e.code !== entry.code || (e.state === 'refused') !== refused),
    );
  }, []);

  /**
   * Asks again for the codes that got no answer (the network is back), or with `all` for
   * every code of the batch (the server refused the record: something changed since).
   */
  const recheck = useCallback(
    (all = false) => {
      const again = (e: PickupEntry) => e.state === 'unchecked' || (all && e.state === 'ok');
      const codes = entriesRef.current.filter(again).map((e) => e.code);
      if (codes.length === 0) return;
      const next = entriesRef.current.map((e): PickupEntry =>
        again(e) ? { code: e.code, state: 'checking' } : e,
      );
      entriesRef.current = next;
      setEntries(next);
      void judge(codes);
    },
    [judge],
  );

  const clear = useCallback(() => setEntries([]), []);

  const valid = entries.filter((e) => e.state === 'ok');
  return { entries, valid, add, remove, recheck, clear };
}
