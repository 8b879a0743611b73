import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

/** A QR code image of `value` (VietQR payloads, tracking links). */
export function QrCode({
  value,
  size = 220,
  label,
}: {
  value: string;
  size?: number;
  label: string;
}) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(value, { margin: 1, width: size, errorCorrectionLevel: 'M' }).then(
      (u) => live && setSrc(u),
    );
    return () => {
      live = false;
    };
  }, [value, size]);
  return src ? (
    <img src={src} width={size} height={size} alt={label} data-qr={value} />
  ) : (
    <div style={{ width: size, height: size }} />
  );
}
