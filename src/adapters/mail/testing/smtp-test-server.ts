// Test support: a real SMTP server (smtp-server) on a free local port that keeps what it receives,
// with AUTH on or off and a switch that makes it refuse recipients, as a failing relay would.
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

/** One message as the server received it. */
export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

export interface SmtpTestServer {
  readonly port: number;
  readonly received: ReceivedMail[];
  /** While true, every RCPT TO is answered 451 (try again later). */
  refuseRecipients: boolean;
  close(): Promise<void>;
}

/** Starts a plain (no TLS) server; with `auth`, it requires that user and password. */
export async function startSmtpTestServer(auth?: {
  readonly user: string;
  readonly password: string;
}): Promise<SmtpTestServer> {
  const received: ReceivedMail[] = [];
  const state: { refuseRecipients: boolean } = { refuseRecipients: false };
  const server = new SMTPServer({
    secure: false,
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !auth,
    // The sender speaks plain text in these tests (security 'none'), so AUTH must be allowed without TLS.
    allowInsecureAuth: true,
    logger: false,
    onAuth(credentials, _session, callback) {
      if (auth && credentials.username === auth.user && credentials.password === auth.password) {
        callback(null, { user: credentials.username });
      } else {
        callback(new Error('Invalid username or password'));
      }
    },
    onRcptTo(address, _session, callback) {
      if (state.refuseRecipients) {
        const error = Object.assign(new Error(`Mailbox ${address.address} unavailable, try later`), {
          responseCode: 451,
        });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    get refuseRecipients() {
      return state.refuseRecipients;
    },
    set refuseRecipients(value: boolean) {
      state.refuseRecipients = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
