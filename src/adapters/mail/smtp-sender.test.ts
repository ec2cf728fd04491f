import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import type { AlertMessage } from '../../ports/alert-sender.js';
import { createSmtpSender, type SmtpAlertSender } from './smtp-sender.js';
import { readMimeMessage } from './testing/read-mime-message.js';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server.js';

const message: AlertMessage = {
  to: ['billing@example.com', 'audit@example.com'],
  subject: '[Ledgerline] 1 billing change needs review — 1 HIGH (run r1)',
  text: 'WR 1001: Δ +$300.00',
  html: '<p>WR 1001: Δ +$300.00</p>',
};

let server: SmtpTestServer | undefined;
let sender: SmtpAlertSender | undefined;
afterEach(async () => {
  sender?.close();
  await server?.close();
  server = undefined;
  sender = undefined;
});

const settings = (port: number, user?: string, password?: string) => ({
  host: '127.0.0.1',
  port,
  security: 'none' as const,
  user,
  password,
  from: 'ledgerline@example.com',
});

describe('createSmtpSender', () => {
  it('delivers subject, recipients, text and HTML to a server without AUTH', async () => {
    server = await startSmtpTestServer();
    sender = createSmtpSender(settings(server.port));

    const { id } = await sender.send(message);

    expect(id).toMatch(/^<.+>$/);
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail?.from).toBe('ledgerline@example.com');
    expect(mail?.to).toEqual(['billing@example.com', 'audit@example.com']);
    const read = readMimeMessage(mail!.raw);
    expect(read.subject).toBe(message.subject);
    expect(read.text?.trim()).toBe(message.text);
    expect(read.html?.trim()).toBe(message.html);
  });

  it('logs in when the server requires AUTH', async () => {
    server = await startSmtpTestServer({ user: 'alerts', password: 's3cret-pass' });
    sender = createSmtpSender(settings(server.port, 'alerts', 's3cret-pass'));

    await sender.send(message);

    expect(server.received).toHaveLength(1);
  });

  it('fails with a message naming neither the password nor the recipients', async () => {
    server = await startSmtpTestServer({ user: 'alerts', password: 's3cret-pass' });
    sender = createSmtpSender(settings(server.port, 'alerts', 'wrong-pass'));

    const failure = await sender.send(message).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).message).toMatch(/EAUTH/);
    expect((failure as AppError).message).not.toMatch(/wrong-pass/);
  });

  it('masks recipient addresses in a refusal', async () => {
    server = await startSmtpTestServer();
    server.refuseRecipients = true;
    sender = createSmtpSender(settings(server.port));

    const failure = (await sender.send(message).catch((error: unknown) => error)) as AppError;

    expect(failure.message).toMatch(/451/);
    expect(failure.message).not.toContain('@example.com');
  });
});
