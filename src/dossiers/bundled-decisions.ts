// Test scaffolding: the bundled decisions, read once through the real source
// adapter, so stage and dossier tests run on what ingest sees.

import { fileURLToPath } from 'node:url';
import type { Decision } from '../model/documents.js';
import { readDecisions } from '../sources/decisions/index.js';

const BUNDLED = fileURLToPath(new URL('../../data/beslissingen-2019-2024.jsonl.gz', import.meta.url));

let cached: Promise<Decision[]> | undefined;

/** Every decision of the bundled 2019-2024 file, in file order. */
export function bundledDecisions(): Promise<Decision[]> {
  cached ??= (async () => {
    const decisions: Decision[] = [];
    for await (const read of readDecisions(BUNDLED)) if (read.kind === 'decision') decisions.push(read.decision);
    return decisions;
  })();
  return cached;
}

/** The bundled decision with this id; throws when there is none, so a test names what it misses. */
export async function bundledDecision(id: string): Promise<Decision> {
  const decision = (await bundledDecisions()).find((candidate) => candidate.id === id);
  if (!decision) throw new Error(`no bundled decision ${id}`);
  return decision;
}
