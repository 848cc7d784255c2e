import { readdirSync, statSync, type Stats } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../errors.js';

/** The files of a data folder, by source. */
export interface DataFiles {
  dir: string;
  agreements: { agreement: string; path: string }[];
  decisions: string[];
  parliamentDir: string | null;
}

const DECISIONS_FILE = /\.jsonl(\.gz)?$/i;

/** A folder entry's stats through links; null for a dangling link or an entry that vanished. */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/**
 * Finds the sources in a data folder laid out like the bundled `data/`:
 * agreement PDFs and decision files at the top, parliament documents in `parlement/`.
 */
export function discoverDataFiles(dir: string): DataFiles {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new InputError(`${dir} is not a folder`);
    names = readdirSync(dir).sort();
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read the data folder ${dir}: ${(error as Error).message}`);
  }
  const stats = new Map(names.map((name) => [name, statOrNull(join(dir, name))]));
  const dangling = names.filter((name) => stats.get(name) === null && (DECISIONS_FILE.test(name) || /\.pdf$/i.test(name) || name === 'parlement'));
  if (dangling.length) {
    throw new InputError(`${join(dir, dangling[0]!)} cannot be read (a broken link or a file that disappeared); fix or remove it`);
  }
  const files = names.filter((name) => stats.get(name)?.isFile());
  const parliamentDir = stats.get('parlement')?.isDirectory() ? join(dir, 'parlement') : null;
  const found: DataFiles = {
    dir,
    agreements: files
      .filter((name) => name.toLowerCase().endsWith('.pdf'))
      .map((name) => ({ agreement: basename(name, name.slice(name.lastIndexOf('.'))), path: join(dir, name) })),
    decisions: files.filter((name) => DECISIONS_FILE.test(name)).map((name) => join(dir, name)),
    parliamentDir,
  };
  if (found.agreements.length === 0 && found.decisions.length === 0 && !found.parliamentDir) {
    throw new InputError(
      `no data found in ${dir}: expected an agreement PDF, a decisions file (.jsonl or .jsonl.gz) or a parlement/ folder`,
    );
  }
  return found;
}
