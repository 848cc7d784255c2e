// Streams a decisions export (`.jsonl` or `.jsonl.gz`) line by line, so the
// whole file is never in memory. Bad lines are reported and skipped; a file
// that cannot be read to the end is an error, so a caller's transaction can
// roll back instead of keeping half an ingest.
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError, errorMessage } from '../../errors.js';
import type { Decision, IngestIssue } from '../../model/documents.js';
import { normaliseDecision } from './normalise.js';

export type DecisionRead =
  | { kind: 'decision'; decision: Decision; line: number }
  | { kind: 'issue'; issue: IngestIssue };

const GZIP_MAGIC = [0x1f, 0x8b] as const;

async function looksGzipped(path: string, handle: Awaited<ReturnType<typeof open>>): Promise<boolean> {
  if (/\.gz$/i.test(path)) return true;
  const head = Buffer.alloc(2);
  const { bytesRead } = await handle.read(head, 0, 2, 0);
  return bytesRead === 2 && head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** Yields every decision of the file, and an issue for every line that is not valid JSON or not a valid news-item. */
export async function* readDecisions(path: string): AsyncGenerator<DecisionRead> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new InputError(`cannot read decisions file ${path}: ${errorMessage(error)}`);
  }
  const gzipped = await looksGzipped(path, handle);
  const file = handle.createReadStream({ start: 0, autoClose: false });
  let input: Readable = file;
  if (gzipped) {
    const gunzip = createGunzip();
    file.on('error', (error) => gunzip.destroy(error));
    input = file.pipe(gunzip);
  }
  const lines = createInterface({ input, crlfDelay: Infinity });

  let lineNumber = 0;
  try {
    for await (const rawLine of lines) {
      lineNumber++;
      const line = lineNumber === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
      if (line.trim() === '') continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (error) {
        yield { kind: 'issue', issue: { source: path, line: lineNumber, message: `not valid JSON: ${errorMessage(error)}` } };
        continue;
      }
      try {
        yield { kind: 'decision', decision: normaliseDecision(record), line: lineNumber };
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        yield { kind: 'issue', issue: { source: path, line: lineNumber, message: error.message } };
      }
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    // Only stream failures (errno / zlib codes) are about the file; anything else is a bug and keeps its stack.
    if (typeof code !== 'string') throw error;
    if (gzipped && code.startsWith('Z_')) {
      throw new InputError(`decisions file ${path} is truncated or not valid gzip: ${errorMessage(error)} (after line ${lineNumber})`);
    }
    throw new InputError(`cannot read decisions file ${path}: ${errorMessage(error)} (after line ${lineNumber})`);
  } finally {
    lines.close();
    input.destroy();
    file.destroy();
    await handle.close().catch(() => undefined);
  }
}
