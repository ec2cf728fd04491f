// The people of the seeded organisation and the part each plays: foremen type their crew's units, billing
// clerks review them, the billing manager may correct billed weeks, an admin owns the workspace, and a
// few accounts exist to exercise access rules (an editor outside the authorised list, a user without
// access, an expired token, the Smartsheet automation identity).
import type { IdAllocator } from './id-allocator.js';
import type { SeedUser } from './seed-data.js';
import type { SeededRandom } from './seeded-random.js';

export const EMAIL_DOMAIN = 'prairieline.example';
export const AUTOMATION_EMAIL = 'automation@smartsheet.com';
export const LEDGERLINE_EMAIL = `ledgerline@${EMAIL_DOMAIN}`;

const FIRST_NAMES = (
  'Aaron Alicia Andre Beth Brandon Carla Cody Dale Darnell Denise Derek Elena Eric Gabe Gloria Hector ' +
  'Isaac Jamal Janet Jesse Kara Keith Kyle Lance Luis Marisol Matt Mia Nate Nora Owen Pam Ramon Rhonda ' +
  'Ricky Rosa Russ Shane Sonia Terrell Travis Trent Vince Wade Wendy Yolanda Zach'
).split(' ');

const LAST_NAMES = (
  'Alvarez Bauer Becker Brennan Castillo Decker Dominguez Dunn Ellison Fischer Garza Gustafson Haines ' +
  'Hollister Jansen Kowalski Lindqvist Maddox Mendoza Novak Okafor Olsen Pruitt Quintana Reyes Schultz ' +
  'Sorensen Stroud Tran Vasquez Wagner Whitaker Yoder Zimmerman'
).split(' ');

export interface SeedPeople {
  users: SeedUser[];
  admin: SeedUser;
  /** The account Ledgerline itself reads and writes with. */
  ledgerline: SeedUser;
  /** Holds `billing.correct`: may change billed weeks (AUTHORIZED_CORRECTION, not POST_CLOSE_EDIT). */
  billingManager: SeedUser;
  clerks: SeedUser[];
  foremen: SeedUser[];
  /** Can edit the source sheets (EDITOR share) but are not on any authorised-editor list. */
  outsiders: SeedUser[];
  automation: SeedUser;
  /** Has a valid token but no share on any sheet. */
  noAccess: SeedUser;
  /** A former clerk whose token has expired (still shared on the sheets: an access-review finding). */
  formerClerk: SeedUser;
}

export function displayName(user: SeedUser): string {
  return `${user.firstName} ${user.lastName}`;
}

/** Create every user with a unique name, e-mail and `tok_<hex>` token. */
export function generatePeople(random: SeededRandom, ids: IdAllocator, foremanCount: number): SeedPeople {
  const users: SeedUser[] = [];
  const usedEmails = new Set<string>();
  const usedTokens = new Set<string>();

  const token = (): string => {
    for (;;) {
      const candidate = `tok_${random.hex(32)}`;
      if (!usedTokens.has(candidate)) {
        usedTokens.add(candidate);
        return candidate;
      }
    }
  };

  const add = (user: Omit<SeedUser, 'id' | 'token'>): SeedUser => {
    const created: SeedUser = { id: ids.next(), token: token(), ...user };
    usedEmails.add(created.email);
    users.push(created);
    return created;
  };

  const person = (extra: Partial<SeedUser> = {}): SeedUser => {
    for (let attempt = 0; ; attempt += 1) {
      const firstName = random.pick(FIRST_NAMES);
      const lastName = random.pick(LAST_NAMES);
      // With many foremen the name space runs thin; a digit keeps e-mails unique as real directories do.
      const local = `${firstName}.${lastName}`.toLowerCase() + (attempt > 20 ? String(attempt) : '');
      const email = `${local}@${EMAIL_DOMAIN}`;
      if (!usedEmails.has(email)) return add({ email, firstName, lastName, ...extra });
    }
  };

  const admin = person({ admin: true });
  const ledgerline = add({ email: LEDGERLINE_EMAIL, firstName: 'Ledgerline', lastName: 'Service' });
  const billingManager = person();
  const clerks = [person(), person(), person()];
  const foremen = Array.from({ length: foremanCount }, () => person());
  const outsiders = [person(), person()];
  const automation = add({
    email: AUTOMATION_EMAIL,
    firstName: 'Smartsheet',
    lastName: 'Automation',
    automation: true,
  });
  const noAccess = person();
  const formerClerk = person({ expired: true });

  return {
    users,
    admin,
    ledgerline,
    billingManager,
    clerks,
    foremen,
    outsiders,
    automation,
    noAccess,
    formerClerk,
  };
}
