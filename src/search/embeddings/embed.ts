// The `embed` step: a vector from the external model for every decision and
// parliament document that has none for the configured model, or whose text
// changed since. Batch by batch, each stored in its own transaction, so an
// interrupted run loses at most the batch in flight and the next run resumes.
import { createHash } from 'node:crypto';
import { RuntimeFailure } from '../../errors.js';
import type { Progress } from '../../ingest/progress.js';
import type { Store } from '../../store/store.js';
import { decisionForSearch, parliamentForSearch, searchText } from '../documents.js';
import { embeddingInput, type EmbeddingsClient } from './client.js';
import type { EmbeddingsConfig } from './config.js';

export interface EmbedResult {
  embedded: number;
  upToDate: number;
  model: string;
  /** Null when nothing is embedded for the model yet. */
  dims: number | null;
}

interface PendingText {
  id: string;
  input: string;
  hash: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface EmbedOptions {
  /** Embed every document again, current or not (e.g. the model behind the name changed). */
  force?: boolean;
}

export async function embedDocuments(
  store: Store,
  client: EmbeddingsClient,
  config: EmbeddingsConfig,
  progress: Progress,
  options: EmbedOptions = {},
): Promise<EmbedResult> {
  const docs = [...(await store.decisions()).map(decisionForSearch), ...(await store.parliamentDocuments()).map(parliamentForSearch)];
  if (docs.length === 0) throw new RuntimeFailure('the index has no documents to embed: run "beloftemeter ingest" first');
  // The hash covers exactly what is sent (prefix and cut included), so changing either re-embeds.
  const texts: PendingText[] = docs.flatMap((doc) => {
    const input = embeddingInput(`${config.documentPrefix}${searchText(doc)}`, config.maxInputChars);
    return input ? [{ id: doc.id, input, hash: sha256(input) }] : [];
  });
  const stored = await store.embeddingKeys(config.model);
  const pending = options.force ? [...texts] : texts.filter((t) => stored.get(t.id)?.textHash !== t.hash);
  // Stored vectors of another size are from before the model (or its settings) changed: redo them too.
  const adoptSize = (size: number): number => {
    const queued = new Set(pending.map((t) => t.id));
    pending.push(...texts.filter((t) => !queued.has(t.id) && stored.get(t.id)!.dims !== size));
    return size;
  };
  // With nothing new, one probe tells whether the stored vectors still fit the endpoint.
  let dims = pending.length === 0 && texts.length > 0 ? adoptSize((await client.embed([texts[0]!.input]))[0]!.length) : null;

  let embedded = 0;
  progress.start(`embed ${config.model}`, pending.length);
  for (let start = 0; start < pending.length; start += config.batchSize) {
    const batch = pending.slice(start, start + config.batchSize);
    const vectors = await client.embed(batch.map((t) => t.input));
    const size = vectors[0]!.length;
    if (dims === null) dims = adoptSize(size);
    else if (size !== dims) throw new RuntimeFailure(`the embeddings endpoint changed its vector size during the run (${dims}, now ${size})`);
    await store.putEmbeddings(config.model, batch.map((t, i) => ({ docId: t.id, textHash: t.hash, vector: vectors[i]! })));
    embedded += batch.length;
    progress.update(embedded);
  }
  progress.finish(`${embedded} documents embedded`);
  return { embedded, upToDate: texts.length - embedded, model: config.model, dims };
}
