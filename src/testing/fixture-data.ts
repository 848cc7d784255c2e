// A small data folder built from the bundled data: the real agreement, the
// real parliament documents and a few hundred real decisions (every decision
// on the dossiers the tests look at, plus a deterministic sample of the rest).
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Decision } from '../model/documents.js';
import { readDecisions } from '../sources/decisions/index.js';

export const BUNDLED_DATA = fileURLToPath(new URL('../../data/', import.meta.url));
const TOPICS = /radicali|veiligheidscel|verbindingsofficier|LIVC|gegevensuitwisseling|parochiekerk|kinderopvang/i;

let cachedLines: string[] | null = null;

/** The bundled decision records, one JSON line each (read once per process). */
export function bundledDecisionLines(): string[] {
  cachedLines ??= gunzipSync(readFileSync(join(BUNDLED_DATA, 'beslissingen-2019-2024.jsonl.gz'))).toString('utf8').split('\n').filter(Boolean);
  return cachedLines;
}

let cachedDecisions: Promise<Decision[]> | undefined;

/** Every bundled decision, read once through the real source adapter, so tests see what ingest sees. */
export function bundledDecisions(): Promise<Decision[]> {
  cachedDecisions ??= (async () => {
    const decisions: Decision[] = [];
    for await (const read of readDecisions(join(BUNDLED_DATA, 'beslissingen-2019-2024.jsonl.gz'))) {
      if (read.kind === 'decision') decisions.push(read.decision);
    }
    return decisions;
  })();
  return cachedDecisions;
}

/** The bundled decision with this id; throws when there is none, so a test names what it misses. */
export async function bundledDecision(id: string): Promise<Decision> {
  const decision = (await bundledDecisions()).find((candidate) => candidate.id === id);
  if (!decision) throw new Error(`no bundled decision ${id}`);
  return decision;
}

export function sampleDecisionLines(every = 6): string[] {
  return bundledDecisionLines().filter((line, i) => i % every === 0 || TOPICS.test(line));
}

export interface FixtureOptions {
  /** Replaces the decisions file's content (raw bytes), e.g. a truncated archive. */
  decisionsFile?: { name: string; content: Buffer | string };
  withAgreement?: boolean;
  withParliament?: boolean;
}

/** Writes a data folder into a new temp dir and returns its path. */
export function makeDataFolder(options: FixtureOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'beloftemeter-data-'));
  if (options.withAgreement ?? true) copyFileSync(join(BUNDLED_DATA, 'regeerakkoord-2019-2024.pdf'), join(dir, 'regeerakkoord-2019-2024.pdf'));
  if (options.withParliament ?? true) cpSync(join(BUNDLED_DATA, 'parlement'), join(dir, 'parlement'), { recursive: true });
  const file = options.decisionsFile ?? { name: 'beslissingen.jsonl.gz', content: gzipSync(`${sampleDecisionLines().join('\n')}\n`) };
  writeFileSync(join(dir, file.name), file.content);
  return dir;
}

export function emptyFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beloftemeter-empty-'));
  mkdirSync(dir, { recursive: true });
  return dir;
}
