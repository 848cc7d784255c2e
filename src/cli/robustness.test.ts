// Integration: the small failures a probe of the CLI found, each now a clear
// message with the right exit code, and none leaving a damaged or half-made index.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { makeDataFolder, sampleDecisionLines } from '../testing/fixture-data.js';
import { runCli } from '../testing/run-cli.js';

const work = mkdtempSync(join(tmpdir(), 'beloftemeter-robust-'));
const db = join(work, 'index.db');
let data: string;

before(async () => {
  data = makeDataFolder();
  const result = await runCli(['ingest', '--data', data, '--quiet', '--db', db]);
  assert.equal(result.code, 0, result.stderr);
});
after(() => {
  chmodSync(work, 0o755);
  rmSync(work, { recursive: true, force: true });
});

test('a damaged search index is refused with the instruction to ingest again', async () => {
  const damaged = join(work, 'damaged.db');
  copyFileSync(db, damaged);
  const raw = new Database(damaged);
  const { data: blob } = raw.prepare("SELECT data FROM derived WHERE name = 'search-index'").get() as { data: Buffer };
  blob.fill(0, 100_000, 104_096); // 4 KB inside
  raw.prepare("UPDATE derived SET data = ? WHERE name = 'search-index'").run(blob);
  raw.close();
  const result = await runCli(['search', 'LIVC', '--db', damaged]);
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^beloftemeter: index beschadigd: voer ingest opnieuw uit/);
  assert.doesNotMatch(result.stderr, /[\u0000-\u0008]/, 'no garbage bytes');
});

test('DATABASE_URL of another database and --db naming a folder are refused as bad input', async () => {
  const mysql = await runCli(['stats', '--db', db], { DATABASE_URL: 'mysql://user:geheim@127.0.0.1/beloftemeter' });
  assert.equal(mysql.code, 2);
  assert.match(mysql.stderr, /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL, got "mysql:…"/);
  assert.doesNotMatch(mysql.stderr, /geheim/, 'the password is not echoed');
  const folder = await runCli(['stats', '--db', work]);
  assert.equal(folder.code, 2);
  assert.match(folder.stderr, /is a folder, not an index file: pass the file's path/);
});

test('a failed first ingest leaves no empty index behind', async () => {
  const fresh = join(work, 'first.db');
  const bad = makeDataFolder({ decisionsFile: { name: 'beslissingen.jsonl.gz', content: gzipSync('{"x":1}\n').subarray(0, 10) } });
  const result = await runCli(['ingest', '--data', bad, '--quiet', '--db', fresh]);
  assert.equal(result.code, 2);
  assert.ok(!existsSync(fresh), 'no index file');
  assert.equal((await runCli(['stats', '--db', fresh])).code, 1, 'later commands still say there is no index');
});

test('a dangling link in the data folder is named, not a raw ENOENT', async () => {
  const folder = makeDataFolder();
  symlinkSync(join(folder, 'verdwenen.jsonl'), join(folder, 'extra.jsonl'));
  const result = await runCli(['ingest', '--data', folder, '--quiet', '--db', db]);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /extra\.jsonl cannot be read \(a broken link or a file that disappeared\)/);
  assert.doesNotMatch(result.stderr, /ENOENT/);
});

test('a binary .txt in parlement/ is skipped with a reason; a UTF-16 text file is read', async () => {
  const folder = makeDataFolder();
  writeFileSync(join(folder, 'parlement', 'beeld.txt'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
  writeFileSync(join(folder, 'parlement', 'unicode.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Schriftelijke vraag over de Financiën\n\nDe vraag.\n', 'utf16le')]));
  const fresh = join(work, 'parliament.db');
  const result = await runCli(['ingest', '--data', folder, '--json', '--quiet', '--db', fresh]);
  assert.equal(result.code, 0, result.stderr);
  const run = JSON.parse(result.stdout) as { parliament: number; issues: { message: string }[] };
  assert.equal(run.parliament, 4, 'three bundled documents and the UTF-16 one');
  assert.ok(run.issues.some((i) => /beeld\.txt skipped: is not a text file/.test(i.message)), JSON.stringify(run.issues));
  const shown = await runCli(['show', 'parlement/unicode', '--db', fresh]);
  assert.match(shown.stdout, /Financiën/);
  assert.doesNotMatch(shown.stdout, /ÿþ/);
});

test('a decision repeated in one file is reported; the later record is kept', async () => {
  const lines = sampleDecisionLines();
  const first = JSON.parse(lines[0]!) as { id: string; attributes: { title: string } };
  const changed = JSON.stringify({ ...first, attributes: { ...first.attributes, title: 'Herhaalde beslissing, latere versie' } });
  const folder = makeDataFolder({ decisionsFile: { name: 'beslissingen.jsonl', content: `${[...lines, changed].join('\n')}\n` } });
  const fresh = join(work, 'repeated.db');
  const result = await runCli(['ingest', '--data', folder, '--json', '--quiet', '--db', fresh]);
  assert.equal(result.code, 0, result.stderr);
  const run = JSON.parse(result.stdout) as { decisions: number; issues: { line?: number; message: string }[] };
  assert.equal(run.decisions, lines.length);
  const issue = run.issues.find((i) => i.message.includes(first.id));
  assert.ok(issue && issue.line === lines.length + 1, JSON.stringify(run.issues));
  assert.match(issue.message, /appears again \(first at beslissingen\.jsonl line 1\); the later record is kept/);
  assert.match((await runCli(['show', first.id, '--db', fresh])).stdout, /Herhaalde beslissing, latere versie/);
});

// Root may write anywhere, so the read-only case runs as an unprivileged user: it needs root to switch,
// and a checkout that user can read.
const cliPath = fileURLToPath(new URL('../../bin/beloftemeter.js', import.meta.url));
const canSwitchUser =
  process.getuid?.() === 0 && spawnSync('su', ['nobody', '-s', '/bin/sh', '-c', `test -r "${cliPath}" && test -x "${process.execPath}"`]).status === 0;
test('an index in a folder that cannot be written is opened read-only, without WAL side files', { skip: !canSwitchUser && 'needs root, su and a checkout the user nobody can read' }, () => {
  const folder = join(work, 'alleen-lezen');
  mkdirSync(folder);
  copyFileSync(db, join(folder, 'index.db'));
  chmodSync(join(folder, 'index.db'), 0o444);
  chmodSync(folder, 0o555);
  chmodSync(work, 0o755);
  const run = spawnSync('su', ['nobody', '-s', '/bin/sh', '-c', `"${process.execPath}" "${cliPath}" stats --json --db "${join(folder, 'index.db')}"`], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(JSON.parse(run.stdout).sections, 286);
  assert.ok(!existsSync(join(folder, 'index.db-shm')));
});
