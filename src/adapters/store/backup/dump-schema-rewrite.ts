// A pg_dump data script names the schema it came from in every statement (`COPY t_abc.sheets …`,
// `setval('t_abc.audit_events_seq_seq', …)`). Restoring into another schema — a drill's
// throw-away one, or one beside the live store — rewrites those names, but only in statements:
// the rows between `COPY … FROM stdin;` and `\.` are data and pass through byte for byte.
import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

const COPY_START = /^COPY .* FROM stdin;$/;
const COPY_END = '\\.';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Rewrites one statement line's schema qualifiers from `from` to `"to"`. */
export function rewriteStatementLine(line: string, from: string, to: string): string {
  const quotedTarget = `"${to.replace(/"/g, '""')}".`;
  const quoted = new RegExp(`"${escapeRegExp(from.replace(/"/g, '""'))}"\\.`, 'g');
  const bare = new RegExp(`(?<![A-Za-z0-9_$"])${escapeRegExp(from)}\\.`, 'g');
  return line.replace(quoted, quotedTarget).replace(bare, quotedTarget);
}

/** A stream that rewrites a pg_dump plain script from schema `from` to schema `to`. */
export function schemaRewriteStream(from: string, to: string): Transform {
  // Chunks can end inside a multi-byte character; the decoder carries it to the next chunk.
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let inData = false;
  const rewrite = (line: string) => {
    if (inData) {
      if (line === COPY_END) inData = false;
      return line;
    }
    if (COPY_START.test(line)) inData = true;
    return rewriteStatementLine(line, from, to);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      pending += decoder.write(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      done(null, lines.map((line) => `${rewrite(line)}\n`).join(''));
    },
    flush(done: TransformCallback) {
      pending += decoder.end();
      done(null, pending === '' ? '' : rewrite(pending));
    },
  });
}
