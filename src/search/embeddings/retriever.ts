// Query-time use of the stored document vectors: embed the query (one request)
// and score every indexed document by cosine similarity. The offline ranking
// stays the fallback: an endpoint that fails costs one warning, never a search.
import { RuntimeFailure, errorMessage } from '../../errors.js';
import type { Store } from '../../store/store.js';
import type { SearchIndex } from '../engine.js';
import { createEmbeddingsClient, type EmbeddingsClient } from './client.js';
import { embeddingsConfigFromEnv, type EmbeddingsConfig } from './config.js';

export interface QueryEmbeddings {
  readonly model: string;
  readonly dims: number;
  /** Indexed documents that have a vector. */
  readonly covered: number;
  /** Cosine similarity of the query to each indexed document (0 without a vector); null when the endpoint failed. */
  scores(query: string): Promise<Float64Array | null>;
}

/** After a failure, queries go without the endpoint this long: one warning per outage, not one per query. */
const FAILURE_PAUSE_MS = 60_000;

export interface QueryEmbeddingsOptions {
  warn: (message: string) => void;
  /** Default: a client without retries, since a failed query falls back at once. */
  client?: EmbeddingsClient;
  now?: () => number;
}

function norm(vector: Float32Array): number {
  let sum = 0;
  for (const x of vector) sum += x * x;
  return Math.sqrt(sum);
}

/** Unit rows, one per indexed document, from the stored vectors of the most common dimension. */
function documentMatrix(index: SearchIndex, vectors: { docId: string; vector: Float32Array }[]) {
  const counts = new Map<number, number>();
  for (const { vector } of vectors) counts.set(vector.length, (counts.get(vector.length) ?? 0) + 1);
  // A model whose output size changed leaves older vectors behind until `embed` replaces them.
  const dims = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  const position = new Map(index.docs.map((doc, i) => [doc.id, i]));
  const matrix = new Float32Array(index.docs.length * dims);
  let covered = 0;
  for (const { docId, vector } of vectors) {
    const row = position.get(docId);
    if (row === undefined || vector.length !== dims) continue;
    const length = norm(vector);
    if (!(length > 0)) continue;
    for (let d = 0; d < dims; d++) matrix[row * dims + d] = vector[d]! / length;
    covered++;
  }
  return { dims, matrix, covered };
}

/**
 * The query side of external retrieval for a loaded index, or null (with a
 * hint through `warn`) when no vectors of the model are stored.
 */
export async function loadQueryEmbeddings(
  store: Store,
  index: SearchIndex,
  config: EmbeddingsConfig,
  options: QueryEmbeddingsOptions,
): Promise<QueryEmbeddings | null> {
  const stored = await store.embeddings(config.model);
  const { dims, matrix, covered } = stored.length ? documentMatrix(index, stored) : { dims: 0, matrix: new Float32Array(), covered: 0 };
  if (covered === 0) {
    options.warn(`no document vectors of embedding model "${config.model}" are stored for this index: run "beloftemeter embed" to use it (searching without it now)`);
    return null;
  }
  const client = options.client ?? createEmbeddingsClient(config, { maxRetries: 0 });
  const now = options.now ?? Date.now;
  let pausedUntil = -Infinity;

  const embedQuery = async (query: string): Promise<Float32Array> => {
    const [vector] = await client.embed([`${config.queryPrefix}${query}`]);
    if (vector!.length !== dims) {
      throw new RuntimeFailure(`the endpoint returns ${vector!.length}-dimensional vectors, the stored ones have ${dims}: run "beloftemeter embed" again`);
    }
    return vector!;
  };

  return {
    model: config.model,
    dims,
    covered,
    async scores(query) {
      if (query.trim() === '' || now() < pausedUntil) return null;
      let vector: Float32Array;
      try {
        vector = await embedQuery(query);
      } catch (error) {
        if (!(error instanceof RuntimeFailure)) throw error;
        pausedUntil = now() + FAILURE_PAUSE_MS;
        options.warn(`embedding model "${config.model}" unavailable, searching without it: ${errorMessage(error)}`);
        return null;
      }
      const length = norm(vector);
      const scores = new Float64Array(index.docs.length);
      if (!(length > 0)) return scores;
      for (let row = 0; row < scores.length; row++) {
        let dot = 0;
        for (let d = 0, at = row * dims; d < dims; d++, at++) dot += matrix[at]! * vector[d]!;
        scores[row] = dot / length;
      }
      return scores;
    },
  };
}

/** External retrieval as the environment configures it; null when it is off or has nothing stored. */
export async function queryEmbeddingsFromEnv(
  store: Store,
  index: SearchIndex,
  warn: (message: string) => void,
  env: NodeJS.ProcessEnv = process.env,
): Promise<QueryEmbeddings | null> {
  const config = embeddingsConfigFromEnv(env);
  return config ? loadQueryEmbeddings(store, index, config, { warn }) : null;
}
