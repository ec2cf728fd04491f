// `ledgerline users …` as an operator runs it: the first admin, a viewer with a piped password,
// the list, a refused weak password, disabling — and the trail that records each change.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createArgon2idPasswordHasher } from '../../src/adapters/auth/argon2id-password-hasher.js';
import { migrateToLatest, openStore } from '../../src/adapters/store/index.js';
import { runCli } from '../support/run-cli.js';

describe('ledgerline users', () => {
  it('adds, lists and disables accounts, each change in the trail', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'll-cli-users-'));
    const database = path.join(dir, 'ledgerline.db');
    const env = { LEDGERLINE_DATABASE_URL: `sqlite:${database}`, LEDGERLINE_DATA_DIR: dir };

    const admin = await runCli(
      ['users', 'add', '--email', 'Root@Example.com', '--name', 'Root', '--role', 'admin'],
      { env },
    );
    expect(admin.stderr).not.toContain('"level":"error"');
    expect(admin.code).toBe(0);
    const generated = /shown once, stored only as an argon2id hash\): (\S+)/.exec(admin.stdout)?.[1];
    expect(generated).toMatch(/^[A-Za-z2-9]{20}$/);

    const viewer = await runCli(
      ['users', 'add', '--email', 'val@example.com', '--name', 'Val', '--role', 'viewer', '--password-stdin'],
      { env, input: 'a long viewer passphrase\n' },
    );
    expect(viewer.code).toBe(0);
    expect(viewer.stdout).not.toContain('a long viewer passphrase');
    expect(viewer.stdout).not.toContain('shown once');

    const weak = await runCli(
      ['users', 'add', '--email', 'w@example.com', '--name', 'W', '--role', 'viewer', '--password-stdin'],
      { env, input: 'short\n' },
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('at least 12 characters');

    const badRole = await runCli(
      ['users', 'add', '--email', 'x@example.com', '--name', 'X', '--role', 'owner'],
      { env },
    );
    expect([badRole.code, badRole.stderr]).toEqual([2, expect.stringContaining('Unknown role "owner"')]);

    const disabled = await runCli(['users', 'disable', 'VAL@example.com'], { env });
    expect([disabled.code, disabled.stdout]).toEqual([
      0,
      'Disabled val@example.com; its sessions are ended.\n',
    ]);
    expect((await runCli(['users', 'grant', 'root@example.com', 'billing.correct'], { env })).code).toBe(0);

    const list = await runCli(['users', 'list'], { env });
    expect(list.code).toBe(0);
    expect(list.stdout.trim().split('\n')).toEqual([
      'root@example.com  admin  active  mfa: off  last sign-in: never  grants: billing.correct',
      'val@example.com  viewer  disabled  mfa: off  last sign-in: never',
    ]);
    expect((await runCli(['users', 'disable', 'nobody@example.com'], { env })).code).toBe(1);

    const store = await openStore({ kind: 'sqlite', path: database });
    try {
      await migrateToLatest(store);
      const root = await store.users.getUserByEmail('root@example.com');
      expect(await createArgon2idPasswordHasher().verify(root!.passwordHash, generated!)).toBe(true);
      const { events } = await store.audit.listEvents({ limit: 100 });
      expect(events.map((e) => e.violationType)).toEqual([
        'USER_CREATED',
        'USER_CREATED',
        'USER_DISABLED',
        'PERMISSION_GRANTED',
      ]);
      expect(events[0]!.changedBy).toMatch(/^cli:/);
      expect(JSON.stringify(events)).not.toContain(generated);
    } finally {
      await store.close();
    }
    // Eight CLI processes, each starting TypeScript through tsx.
  }, 120_000);
});
