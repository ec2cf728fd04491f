// The MFA enrolment QR code as SVG markup via the `qrcode` package: rendered on the server, so the
// browser needs no QR library and the secret never goes to a third-party service.
import QRCode from 'qrcode';
import type { QrCodeRenderer } from '../../ports/qr-code-renderer.js';

export function createQrCodeSvgRenderer(): QrCodeRenderer {
  return {
    renderSvg: (text) =>
      QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, width: 240 }),
  };
}
