// The container of all records, with the lookups every handler needs. Which user may see what is
// decided in access/; how records change is decided by the write modules (rows/, attachments/…).
import type { SeededRandom } from '../random/seeded-random.js';
import type { FolderRecord, SheetRecord, UserRecord, WebhookRecord, WorkspaceRecord } from './state-types.js';

export interface AccountRecord {
  id: number;
  name: string;
}

export class EmulatorState {
  readonly users: UserRecord[];
  readonly sheets = new Map<number, SheetRecord>();
  readonly workspaces = new Map<number, WorkspaceRecord>();
  readonly folders = new Map<number, FolderRecord>();
  readonly webhooks = new Map<number, WebhookRecord>();
  /** Emulator start time for this data set (seed.now), shown as every user's lastLogin. */
  readonly startedAt: number;
  account: AccountRecord = { id: 0, name: '' };
  private readonly usersByToken = new Map<string, UserRecord>();
  private readonly usersByEmail = new Map<string, UserRecord>();
  private readonly usedIds = new Set<number>();

  constructor(
    users: UserRecord[],
    readonly random: SeededRandom,
    startedAt: number,
  ) {
    this.users = users;
    this.startedAt = startedAt;
    for (const user of users) {
      this.usersByToken.set(user.token, user);
      this.usersByEmail.set(user.email.toLowerCase(), user);
      this.usedIds.add(user.id);
    }
  }

  userByToken(token: string): UserRecord | undefined {
    return this.usersByToken.get(token);
  }

  userByEmail(email: string): UserRecord | undefined {
    return this.usersByEmail.get(email.toLowerCase());
  }

  /** "First Last" for a known user, else the e-mail itself (how Smartsheet shows unknown contacts). */
  displayName(email: string): string {
    const user = this.userByEmail(email);
    return user ? `${user.firstName} ${user.lastName}`.trim() : email;
  }

  /** A fresh id in [10^15, 2^53), unique across every object of this data set. */
  newId(): number {
    for (;;) {
      const id = this.random.nextId();
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }

  /** Records an id that came from outside (seed or snapshot) so newId never repeats it. */
  claimId(id: number): void {
    this.usedIds.add(id);
  }
}
