import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { rewriteStatementLine, schemaRewriteStream } from './dump-schema-rewrite.js';

describe('schema rewrite of a pg_dump data script', () => {
  it('renames the schema in statements, quoted or not, and nowhere else', () => {
    expect(
      rewriteStatementLine(
        "SELECT pg_catalog.setval('t_abc.audit_events_seq_seq', 3, true);",
        't_abc',
        'll_drill',
      ),
    ).toBe(`SELECT pg_catalog.setval('"ll_drill".audit_events_seq_seq', 3, true);`);
    expect(rewriteStatementLine('COPY "T_abc".sheets (id) FROM stdin;', 'T_abc', 'x')).toBe(
      'COPY "x".sheets (id) FROM stdin;',
    );
    expect(rewriteStatementLine('COPY xt_abc.sheets (id) FROM stdin;', 't_abc', 'x')).toBe(
      'COPY xt_abc.sheets (id) FROM stdin;',
    );
  });

  it('passes COPY data through byte for byte, even split mid-character across chunks', async () => {
    const script =
      'SET a;\nCOPY t_abc.sheets (id, name) FROM stdin;\n1\tt_abc.name é\n\\.\nSELECT 1 FROM t_abc.x;\n';
    const bytes = Buffer.from(script, 'utf8');
    const split = bytes.indexOf(Buffer.from('é')) + 1;
    const out = await text(
      Readable.from([bytes.subarray(0, split), bytes.subarray(split)]).pipe(
        schemaRewriteStream('t_abc', 'n'),
      ),
    );
    expect(out).toBe(
      'SET a;\nCOPY "n".sheets (id, name) FROM stdin;\n1\tt_abc.name é\n\\.\nSELECT 1 FROM "n".x;\n',
    );
  });
});
