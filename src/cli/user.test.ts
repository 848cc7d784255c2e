// Integration: `user add|list|disable` on a real SQLite index, the password
// read from stdin (the first line) so it never appears in arguments.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { verifyPassword } from '../editor/passwords.js';
import { openSqliteStore } from '../store/sqlite.js';
import { runCli, runCliProcess } from '../testing/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-user-'));
const db = join(work, 'index.db');
const user = (args: string[], input?: string) => runCliProcess(['--db', db, 'user', ...args], {}, undefined, input);

after(() => rmSync(work, { recursive: true, force: true }));

test('user add, list and disable', { timeout: 60_000 }, async () => {
  const added = await user(['add', 'Anna', '--role', 'editor'], 'correct horse battery\nrest is ignored\n');
  assert.equal(added.code, 0, added.stderr);
  assert.equal(added.stdout, 'account anna (editor) aangemaakt\n');
  assert.equal((await user(['add', 'root', '--role', 'admin'], 'another long password\n')).code, 0);

  const store = openSqliteStore(db, { readonly: true });
  const stored = await store.user('anna');
  await store.close();
  assert.equal(stored?.role, 'editor');
  assert.ok(stored && (await verifyPassword('correct horse battery', stored.passwordHash)), 'the first line of stdin is the password, hashed');
  assert.ok(!stored.passwordHash.includes('correct horse'));

  const list = await runCli(['--db', db, 'user', 'list', '--json']);
  assert.equal(list.code, 0, list.stderr);
  assert.deepEqual((JSON.parse(list.stdout) as { name: string; role: string; disabledAt: string | null }[]).map((u) => [u.name, u.role, u.disabledAt]), [['anna', 'editor', null], ['root', 'admin', null]]);

  const disabled = await runCli(['--db', db, 'user', 'disable', 'anna']);
  assert.equal(disabled.code, 0, disabled.stderr);
  assert.equal(disabled.stdout, 'account anna uitgeschakeld\n');
  assert.match((await runCli(['--db', db, 'user', 'list'])).stdout, /^anna\teditor\tuitgeschakeld op \d{4}-\d{2}-\d{2}\nroot\tadmin\tactief\n$/);

  const enabled = await runCli(['--db', db, 'user', 'enable', 'anna']);
  assert.equal(enabled.stdout, 'account anna ingeschakeld\n');
  assert.match((await runCli(['--db', db, 'user', 'list'])).stdout, /^anna\teditor\tactief\n/);
});

test('user password: a new password; the old one stops working, sessions end and a lock is lifted', { timeout: 60_000 }, async () => {
  const store = openSqliteStore(db);
  try {
    await store.setLoginFailures('root', 9, '2999-01-01T00:00:00.000Z');
    await store.createSession({ idHash: 'h', userName: 'root', csrfToken: 'c', createdAt: '2026-12-02T00:00:00.000Z', expiresAt: '2999-01-01T00:00:00.000Z' });
  } finally {
    await store.close();
  }
  const changed = await user(['password', 'root'], 'a brand new passphrase\n');
  assert.equal(changed.code, 0, changed.stderr);
  assert.equal(changed.stdout, 'wachtwoord van root vervangen\n');
  const after = openSqliteStore(db, { readonly: true });
  try {
    const root = (await after.user('root'))!;
    assert.equal(await verifyPassword('a brand new passphrase', root.passwordHash), true);
    assert.equal(await verifyPassword('another long password', root.passwordHash), false);
    assert.deepEqual([root.failedLogins, root.lockedUntil], [0, null]);
    assert.equal(await after.session('h', '2026-12-02T01:00:00.000Z'), null, 'its sessions ended');
  } finally {
    await after.close();
  }
  const tooShort = await user(['password', 'root'], 'kort\n');
  assert.equal(tooShort.code, 2);
  assert.match(tooShort.stderr, /minstens 12 tekens/);
});

test('bad accounts are refused with exit 2 and a message that names the problem', { timeout: 60_000 }, async () => {
  const cases: [string[], string | undefined, RegExp][] = [
    [['add', 'anna', '--role', 'editor'], 'yet another password\n', /er bestaat al een gebruiker "anna"/],
    [['add', 'bert', '--role', 'hoofdredacteur'], 'correct horse battery\n', /ongeldige rol "hoofdredacteur": kies editor of admin/],
    [['add', 'bert', '--role', 'editor'], 'kort\n', /het wachtwoord moet minstens 12 tekens lang zijn/],
    [['add', 'bert', '--role', 'editor'], '', /no password given/],
    [['add', '<b>', '--role', 'editor'], 'correct horse battery\n', /ongeldige gebruikersnaam "<b>"/],
    [['disable', 'nobody'], undefined, /geen gebruiker "nobody"/],
  ];
  for (const [args, input, message] of cases) {
    const result = await user(args, input);
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
    assert.match(result.stderr, message);
    assert.equal(result.stderr.trim().split('\n').length, 1, 'one line');
  }
  const missingRole = await user(['add', 'bert'], 'correct horse battery\n');
  assert.equal(missingRole.code, 2);
  assert.match(missingRole.stderr, /--role/);
});
