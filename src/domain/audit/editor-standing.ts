// Who made a change, judged against the configured permissions (billing-domain.md §3.3, §4).
import type { AttributedChange } from './attributed-change.js';
import type { AuditContext } from './audit-context.js';

/** The editor of a change and what they were allowed to do. */
export interface EditorStanding {
  /** The email trimmed and lower-cased; null when cell history did not say who. */
  readonly email: string | null;
  readonly name: string | null;
  /** False for the automation identities (§3.1); an unknown editor is not known to be automation. */
  readonly human: boolean;
  /** Holds `billing.correct`. An unknown editor never does. */
  readonly corrector: boolean;
  /**
   * On the sheet's authorised-editor list; null when the sheet has no list (rule off). An unknown
   * editor is not on any list.
   */
  readonly authorised: boolean | null;
}

/** Emails compare case-insensitively: Smartsheet and people spell them with any case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

// Configured sets may be spelled in any case; each is normalised once, not per change.
const normalisedSets = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

function normalisedSet(set: ReadonlySet<string>): ReadonlySet<string> {
  let normalised = normalisedSets.get(set);
  if (!normalised) {
    normalised = new Set([...set].map(normaliseEmail));
    normalisedSets.set(set, normalised);
  }
  return normalised;
}

/** The standing of a change's editor: automation or human, corrector or not, authorised or not. */
export function editorStandingOf(change: AttributedChange, context: AuditContext): EditorStanding {
  const email = change.editor.email === null ? null : normaliseEmail(change.editor.email);
  const name = change.editor.name?.trim() || null;
  const list = context.authorizedEditors?.get(change.sheetId);
  const inSet = (set: ReadonlySet<string>) => email !== null && email !== '' && normalisedSet(set).has(email);
  return {
    email: email === '' ? null : email,
    name,
    human: !inSet(context.automationIdentities),
    corrector: inSet(context.correctors),
    authorised: list === undefined ? null : inSet(list),
  };
}
