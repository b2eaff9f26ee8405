/**
 * The QR code of an `otpauth://` URI, drawn as SVG elements by React from the `qrcode` library's
 * module matrix: no data URL or inline markup, so the renderer's CSP needs nothing new.
 */
import { create } from 'qrcode';
import { useMemo } from 'react';
import styles from './TotpSetup.module.css';

/** Quiet zone around the code, in modules (the QR standard asks for 4). */
const QUIET = 4;

/** One path of dark modules on a light square, scaled to fit its box. */
export function TotpQrCode({ uri, label }: { uri: string; label: string }) {
  const { size, path } = useMemo(() => {
    const modules = create(uri, { errorCorrectionLevel: 'M' }).modules;
    let d = '';
    for (let row = 0; row < modules.size; row += 1) {
      for (let col = 0; col < modules.size; col += 1) {
        if (modules.get(row, col)) {
          d += `M${col + QUIET} ${row + QUIET}h1v1h-1z`;
        }
      }
    }
    return { size: modules.size + QUIET * 2, path: d };
  }, [uri]);
  return (
    <svg className={styles.qr} role="img" aria-label={label} viewBox={`0 0 ${size} ${size}`} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
