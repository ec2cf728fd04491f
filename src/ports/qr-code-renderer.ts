/** Draws text (an otpauth URI for MFA enrolment) as a QR code. */
export interface QrCodeRenderer {
  /** SVG markup of the QR code, self-contained (no scripts, no external references). */
  renderSvg(text: string): Promise<string>;
}
