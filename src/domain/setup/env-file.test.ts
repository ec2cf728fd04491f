import { parse as parseDotenv } from 'dotenv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnwritableEnvValueError, quoteEnvValue, renderEnvFile, splitSecretEntries } from './env-file.js';

const ORDER = ['LEDGERLINE_DATABASE_URL', 'SMARTSHEET_API_TOKEN', 'LEDGERLINE_TARGET_SHEET_ID'];

describe('renderEnvFile', () => {
  it('puts table keys in table order, then unknown keys sorted, after the header', () => {
    const text = renderEnvFile(
      {
        header: ['Written by ledgerline init', ''],
        values: {
          ZED: '1',
          LEDGERLINE_TARGET_SHEET_ID: '42',
          ALPHA: 'x y',
          LEDGERLINE_DATABASE_URL: 'sqlite:./a.db',
        },
      },
      ORDER,
    );
    expect(text).toBe(
      [
        '# Written by ledgerline init',
        '#',
        'LEDGERLINE_DATABASE_URL=sqlite:./a.db',
        'LEDGERLINE_TARGET_SHEET_ID=42',
        "ALPHA='x y'",
        'ZED=1',
        '',
      ].join('\n'),
    );
  });

  it('gives the same bytes for the same values whatever their insertion order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,12}$/), fc.string()), (values) => {
        const reversed = Object.fromEntries(Object.entries(values).reverse());
        const render = (v: Record<string, string>) => {
          try {
            return renderEnvFile({ header: [], values: v }, ORDER);
          } catch (error) {
            return error instanceof UnwritableEnvValueError ? 'unwritable' : 'other';
          }
        };
        expect(render(reversed)).toBe(render(values));
      }),
    );
  });

  it('reads back through dotenv exactly, for every value it agrees to write', () => {
    const value = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('a', ' ', '#', "'", '"', '\n', '\\', '$', '=', '`', 'é') }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,12}$/), value), (values) => {
        let text: string;
        try {
          text = renderEnvFile({ header: ['a comment'], values }, ORDER);
        } catch (error) {
          expect(error).toBeInstanceOf(UnwritableEnvValueError);
          return;
        }
        expect(parseDotenv(text)).toEqual(values);
      }),
      { numRuns: 500 },
    );
  });

  it('quotes only what needs quoting and refuses what dotenv cannot carry', () => {
    expect(quoteEnvValue('K', 'https://api.smartsheet.com/2.0')).toBe('https://api.smartsheet.com/2.0');
    expect(quoteEnvValue('K', 'Acme # 1')).toBe("'Acme # 1'");
    expect(quoteEnvValue('K', "O'Brien")).toBe('"O\'Brien"');
    expect(quoteEnvValue('K', 'line 1\nline 2')).toBe('"line 1\\nline 2"');
    expect(() => quoteEnvValue('K', 'it\'s "both"\n')).toThrow(UnwritableEnvValueError);
  });
});

describe('splitSecretEntries', () => {
  it('sends secret keys and URLs with a password to the secrets file, the rest to settings', () => {
    const split = splitSecretEntries(
      {
        SMARTSHEET_API_TOKEN: 'tok',
        LEDGERLINE_DATABASE_URL: 'postgres://app:pw@db:5432/ledger',
        LEDGERLINE_TARGET_SHEET_ID: '42',
      },
      new Set(['SMARTSHEET_API_TOKEN']),
    );
    expect(split.secrets).toEqual({
      SMARTSHEET_API_TOKEN: 'tok',
      LEDGERLINE_DATABASE_URL: 'postgres://app:pw@db:5432/ledger',
    });
    expect(split.settings).toEqual({ LEDGERLINE_TARGET_SHEET_ID: '42' });
    expect(
      splitSecretEntries({ LEDGERLINE_DATABASE_URL: 'postgres://app@db/ledger' }, new Set()).secrets,
    ).toEqual({});
  });
});
