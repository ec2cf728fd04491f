// File names from Content-Disposition (smartsheet-api.md §5.5, §9.3): the docs want the name
// URL-encoded, the official SDK sends it raw (and Node reads raw UTF-8 header bytes as latin1), and
// RFC 5987 `filename*=UTF-8''…` may appear too. All three forms give the same name here.

function splitParameters(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < header.length; i += 1) {
    const char = header[i] ?? '';
    if (char === '"' && header[i - 1] !== '\\') quoted = !quoted;
    if (char === ';' && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function unquote(value: string): string {
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2
    ? value.slice(1, -1).replace(/\\(.)/g, '$1')
    : value;
}

/** Undoes Node's latin1 reading of UTF-8 header bytes, when the bytes really are UTF-8. */
function repairUtf8(text: string): string {
  const codes = Array.from(text, (char) => char.charCodeAt(0));
  if (!codes.some((code) => code >= 0x80) || codes.some((code) => code > 0xff)) return text;
  const decoded = Buffer.from(text, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? text : decoded;
}

function percentDecode(text: string): string {
  if (!/%[0-9a-fA-F]{2}/.test(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function extendedValue(value: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return undefined;
  const [, charset = '', encoded = ''] = match;
  if (charset.toLowerCase() === 'iso-8859-1') {
    return Buffer.from(
      encoded.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
      'latin1',
    ).toString('latin1');
  }
  return percentDecode(encoded);
}

export interface Disposition {
  type: string;
  parameters: Map<string, string>;
  filename?: string;
}

export function parseDisposition(header: string): Disposition {
  const [type = '', ...rest] = splitParameters(header);
  const parameters = new Map<string, string>();
  for (const part of rest) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    parameters.set(part.slice(0, eq).trim().toLowerCase(), unquote(part.slice(eq + 1).trim()));
  }
  const extended = parameters.get('filename*');
  const plain = parameters.get('filename');
  const filename =
    (extended !== undefined ? extendedValue(extended) : undefined) ??
    (plain !== undefined ? percentDecode(repairUtf8(plain)) : undefined);
  return {
    type: type.toLowerCase(),
    parameters,
    ...(filename !== undefined && filename !== '' ? { filename } : {}),
  };
}
