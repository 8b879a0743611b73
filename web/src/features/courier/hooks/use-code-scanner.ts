import { useEffect, useRef, useState, type RefObject } from 'react';

import { createCodeDetector, type CodeDetector, type CodeFormat } from '../utils/code-detector';

/** Where the scanner is: opening, reading frames, or why it cannot (the typed input remains). */
export type ScannerState = 'starting' | 'scanning' | 'denied' | 'no_camera' | 'failed';

export type UseCodeScannerOptions = {
  /** The video element the camera plays into (it must be mounted while the scanner is). */
  videoRef: RefObject<HTMLVideoElement | null>;
  formats: readonly CodeFormat[];
  /**
   * Called once per distinct code read while the scanner is open. Return `false` when the
   * code is not one the caller takes (it is not counted and, in single mode, scanning goes on).
   */
  onCode: (code: string, format: string) => boolean | void;
  /** Single mode: stop after the first code taken and call `onDone`. */
  single: boolean;
  onDone?: (() => void) | undefined;
  /** Pause between two looks at the frame (default 200 ms: five a second). */
  intervalMs?: number;
};

/** A short beep and a buzz: the courier hears that a code was taken without looking. */
function signalTaken(audio: RefObject<AudioContext | null>) {
  navigator.vibrate?.(60);
  try {
    const ctx = (audio.current ??= new AudioContext());
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.frequency.value = 1320;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(ctx.destination);
    osc.start();
    osc.stop(ctx.currentTime + 0.08);
  } catch {
    // No sound on this browser: the list on screen still shows the code.
  }
}

function cameraProblem(error: unknown): ScannerState {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError')
    return 'no_camera';
  return 'failed';
}

function stopStream(stream: MediaStream | null) {
  stream?.getTracks().forEach((track) => track.stop());
}

/**
 * The rear camera into `videoRef`, read a few times a second for codes; every camera track is
 * stopped when the component unmounts (or the formats or mode change). Personal data read
 * (a CCCD QR) goes to `onCode` only: nothing here logs or keeps it beyond the open scanner.
 */
export function useCodeScanner(options: UseCodeScannerOptions): {
  state: ScannerState;
  /** How many codes were taken since the scanner opened. */
  taken: number;
} {
  const { videoRef, formats, single, intervalMs = 200 } = options;
  const [state, setState] = useState<ScannerState>('starting');
  const [taken, setTaken] = useState(0);
  const latest = useRef(options);
  const audio = useRef<AudioContext | null>(null);
  useEffect(() => {
    latest.current = options;
  });
  const formatKey = formats.join(',');

  useEffect(() => {
    const video = videoRef.current;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const seen = new Set<string>();

    const look = async (detector: CodeDetector) => {
      if (stopped || !video) return;
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA) {
        const found = await detector.detect(video).catch(() => []);
        for (const { rawValue, format } of found) {
          const code = rawValue.trim();
          if (stopped || !code || seen.has(code)) continue;
          seen.add(code);
          if (latest.current.onCode(code, format) === false) continue;
          signalTaken(audio);
          setTaken((n) => n + 1);
          if (single) {
            stopped = true;
            latest.current.onDone?.();
            return;
          }
        }
      }
      if (!stopped) timer = setTimeout(() => void look(detector), intervalMs);
    };

    const open = async () => {
      if (!video || !navigator.mediaDevices?.getUserMedia) return setState('no_camera');
      // The detector (perhaps the WebAssembly) loads while the camera permission is asked.
      const detecting = createCodeDetector(formatKey.split(',') as CodeFormat[]);
      detecting.catch(() => undefined);
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: { ideal: 'environment' } },
          audio: false,
        });
      } catch (error) {
        if (!stopped) setState(cameraProblem(error));
        return;
      }
      if (stopped) return stopStream(stream);
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      let detector: CodeDetector;
      try {
        detector = await detecting;
      } catch {
        if (!stopped) setState('failed');
        return;
      }
      if (stopped) return;
      setState('scanning');
      void look(detector);
    };

    void open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stopStream(stream);
      if (video) video.srcObject = null;
    };
  }, [videoRef, formatKey, single, intervalMs]);

  useEffect(
    () => () => {
      void audio.current?.close().catch(() => undefined);
      audio.current = null;
    },
    [],
  );

  return { state, taken };
}
