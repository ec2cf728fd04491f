/**
 * One delivery channel for alerts (SMTP, an outbox folder, a chat webhook). The send-alerts service
 * composes the message once and hands it to whichever channels a rule names.
 */

/** A composed alert, ready for any channel: every value in it comes from stored audit events. */
export interface AlertMessage {
  /** E-mail recipients; chat channels post to their configured room and ignore this. */
  readonly to: readonly string[];
  readonly subject: string;
  /** Plain-text body (also what chat channels post). */
  readonly text: string;
  /** HTML body with every value escaped. */
  readonly html: string;
}

/** Delivers alert messages over one channel. */
export interface AlertSender {
  /**
   * Delivers the message, resolving with the channel's id for it (SMTP Message-ID, outbox file
   * name…). Rejects when the channel did not accept it; the error message must hold no secrets.
   */
  send(message: AlertMessage): Promise<{ readonly id: string }>;
}
