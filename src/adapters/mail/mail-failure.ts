// What a nodemailer failure may say once it leaves the mail adapter: the error's code, the SMTP
// reply code and command, and the server's reply with addresses masked, never credentials or
// recipients (DESIGN.md invariant 7).

/** The parts of a nodemailer error that describe it without personal data. */
interface NodemailerErrorFields {
  readonly code?: unknown;
  readonly responseCode?: unknown;
  readonly command?: unknown;
  readonly response?: unknown;
}

const ADDRESS = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/** A one-line description of a send failure, safe to store and log. */
export function describeMailFailure(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown failure';
  const fields = error as Error & NodemailerErrorFields;
  const parts: string[] = [];
  if (typeof fields.code === 'string') parts.push(fields.code);
  if (typeof fields.responseCode === 'number') parts.push(String(fields.responseCode));
  if (typeof fields.command === 'string') parts.push(`on ${fields.command.split(' ')[0] ?? ''}`.trim());
  const reply = typeof fields.response === 'string' ? fields.response : error.message;
  parts.push(reply.replace(ADDRESS, '<address>').replace(/\s+/g, ' ').trim());
  return parts.join(' ');
}
