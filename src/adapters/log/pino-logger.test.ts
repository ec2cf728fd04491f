import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './pino-logger.js';

function capture(format: 'json' | 'pretty' = 'json', knownSecrets: string[] = []) {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const logger = createLogger({ level: 'trace', format, destination: stream, knownSecrets });
  return { logger, output: () => chunks.join('') };
}

const TOKEN = 'tok_7f3a9c2e51b84d06aa';

describe('logger redaction', () => {
  it('never writes a Smartsheet token, wherever it is put', () => {
    const { logger, output } = capture('json', [TOKEN]);
    logger.info(`calling with ${TOKEN}`);
    logger.info({ token: TOKEN, headers: { Authorization: `Bearer ${TOKEN}` } }, 'request');
    logger.warn({ detail: { note: `pasted ${TOKEN} here` } }, 'nested');
    logger.error({ err: new Error(`request failed for ${TOKEN}`) }, 'failure');
    logger.child({ apiToken: TOKEN }).debug('child');
    logger.info({ list: [`x${TOKEN}y`] }, 'array');
    const text = output();
    expect(text.split('\n').filter(Boolean)).toHaveLength(6);
    expect(text).not.toContain(TOKEN);
    expect(text).toContain('[redacted]');
  });

  it('masks e-mail addresses, passwords, cookies and URL credentials', () => {
    const { logger, output } = capture();
    logger.info(
      {
        editor: 'jane.roe@example.com',
        password: 'hunter2',
        cookie: 'sid=abc',
        db: 'postgres://app:pw123@db/x',
      },
      'edit by jane.roe@example.com',
    );
    const text = output();
    expect(text).not.toContain('jane.roe@example.com');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('sid=abc');
    expect(text).not.toContain('pw123');
    expect(text).toContain('[email]');
  });

  it('writes one JSON object per line with level and time', () => {
    const { logger, output } = capture();
    logger.info({ sheets: 3 }, 'discovered');
    const record = JSON.parse(output().trim()) as Record<string, unknown>;
    expect(record).toMatchObject({ level: 'info', msg: 'discovered', sheets: 3 });
    expect(typeof record.time).toBe('string');
  });

  it('redacts in pretty output too', () => {
    const { logger, output } = capture('pretty', [TOKEN]);
    logger.info({ token: TOKEN }, `token ${TOKEN}`);
    expect(output()).toContain('token [redacted]');
    expect(output()).not.toContain(TOKEN);
  });
});
