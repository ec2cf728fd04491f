import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReportMail } from '../../ports/report-mailer.js';
import { createOutboxReportMailer, createSmtpReportMailer } from './report-mailer.js';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server.js';

const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 255]);
const mail: ReportMail = {
  to: ['security@example.com'],
  subject: 'Access review 2026-11',
  text: '3 subjects',
  html: '<p>3 subjects</p>',
  attachments: [{ fileName: 'review.xlsx', contentType: 'application/octet-stream', content: bytes }],
};

/** The base64 body of the attachment part named `fileName`. */
function attachmentOf(raw: string, fileName: string): Buffer {
  const at =
    raw.indexOf(`filename=${fileName}`) >= 0
      ? raw.indexOf(`filename=${fileName}`)
      : raw.indexOf(`filename="${fileName}"`);
  expect(at).toBeGreaterThan(0);
  const body = raw.slice(at).split(/\r?\n\r?\n/)[1] ?? '';
  return Buffer.from(body.split(/\r?\n--/)[0]!.replace(/\s+/g, ''), 'base64');
}

let server: SmtpTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('report mailers', () => {
  it('send the attachment byte for byte over SMTP', async () => {
    server = await startSmtpTestServer();
    const mailer = createSmtpReportMailer({
      host: '127.0.0.1',
      port: server.port,
      security: 'none',
      user: undefined,
      password: undefined,
      from: 'ledgerline@example.com',
    });
    try {
      await mailer.send(mail);
    } finally {
      mailer.close();
    }
    expect(server.received).toHaveLength(1);
    expect(server.received[0]?.to).toEqual(['security@example.com']);
    expect(attachmentOf(server.received[0]!.raw, 'review.xlsx')).toEqual(Buffer.from(bytes));
  });

  it('write the message with its attachment into the outbox folder', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'll-outbox-'));
    const { id } = await createOutboxReportMailer({ folder, from: 'ledgerline@example.com' }).send(mail);
    expect(await readdir(folder)).toEqual([id]);
    const raw = await readFile(path.join(folder, id), 'utf8');
    expect(raw).toContain('Subject: Access review 2026-11');
    expect(attachmentOf(raw, 'review.xlsx')).toEqual(Buffer.from(bytes));
  });
});
