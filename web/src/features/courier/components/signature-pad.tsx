import SignaturePadLib from 'signature_pad';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { Button } from '@/components/ui/button';

import styles from './courier.module.css';

export type SignaturePadProps = {
  /** Visible label, e.g. "Chữ ký người nhận". */
  label: string;
  /** Called with a PNG of the signature, or null when cleared. */
  onChange: (png: Blob | null) => void;
};

/**
 * A signature drawn on the glass (signature_pad: pointer events, smooth strokes). The canvas
 * is sized for the device's pixel ratio so the strokes are sharp on a phone.
 */
export function SignaturePad({ label, onChange }: SignaturePadProps) {
  const { t } = useTranslation('courier');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePadLib | null>(null);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    canvas.width = canvas.offsetWidth * ratio;
    canvas.height = canvas.offsetHeight * ratio;
    canvas.getContext('2d')?.scale(ratio, ratio);
    const pad = new SignaturePadLib(canvas, { penColor: '#0b1f3a', minWidth: 1, maxWidth: 2.6 });
    padRef.current = pad;
    const onEnd = () => {
      setEmpty(pad.isEmpty());
      canvas.toBlob((b) => onChange(b), 'image/png');
    };
    pad.addEventListener('endStroke', onEnd);
    return () => {
      pad.removeEventListener('endStroke', onEnd);
      pad.off();
    };
    // onChange is stable enough for a signature's life; re-binding would clear the strokes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className={styles.signature}>
      <span className={styles.fieldLabel}>{label}</span>
      <canvas
        ref={canvasRef}
        className={styles.signatureCanvas}
        aria-label={label}
        role="img"
        data-testid="signature-canvas"
      />
      <div className={styles.row}>
        <span className={styles.muted}>{empty ? t('signature.hint') : t('signature.done')}</span>
        <Button
          variant="ghost"
          onClick={() => {
            padRef.current?.clear();
            setEmpty(true);
            onChange(null);
          }}
        >
          {t('signature.clear')}
        </Button>
      </div>
    </div>
  );
}
