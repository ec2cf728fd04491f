import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../domain/app-error.js';
import { createOutboxSender } from './outbox-sender.js';
import { readMimeMessage } from './testing/read-mime-message.js';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-outbox-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

const message = {
  to: ['billing@example.com'],
  subject: '[Ledgerline] 2 billing changes need review — 2 HIGH (run r1)',
  text: 'Two changes: Δ +$1,500.00 — see the rows',
  html: '<p>Two changes: Δ +$1,500.00 &lt;script&gt;</p>',
};

describe('createOutboxSender', () => {
  it('writes one parseable RFC 5322 .eml per message and nothing else', async () => {
    const outbox = path.join(folder, 'outbox');
    const sender = createOutboxSender({
      folder: outbox,
      from: 'ledgerline@example.com',
      now: () => new Date('2025-08-18T15:00:00.000Z'),
    });

    const { id } = await sender.send(message);

    expect(await readdir(outbox)).toEqual([id]);
    expect(id).toMatch(/^2025-08-18T15-00-00-000Z-.+\.eml$/);
    const raw = await readFile(path.join(outbox, id), 'utf8');
    expect(raw).toContain('\r\n\r\n');
    expect(raw.replace(/\r\n/g, '')).not.toContain('\n');
    const read = readMimeMessage(raw);
    expect(read.headers.get('from')).toBe('ledgerline@example.com');
    expect(read.headers.get('to')).toBe('billing@example.com');
    expect(read.headers.get('message-id')).toMatch(/^<.+>$/);
    expect(read.subject).toBe(message.subject);
    expect(read.text?.trim()).toBe(message.text);
    expect(read.html?.trim()).toBe(message.html);
  });

  it('fails with MAIL_FAILED and leaves no partial file when the folder cannot be made', async () => {
    const blocker = path.join(folder, 'not-a-folder');
    await writeFile(blocker, 'a file where the outbox should be');
    const sender = createOutboxSender({
      folder: path.join(blocker, 'outbox'),
      from: 'ledgerline@example.com',
    });

    await expect(sender.send(message)).rejects.toBeInstanceOf(AppError);
    expect(await readdir(folder)).toEqual(['not-a-folder']);
  });
});
