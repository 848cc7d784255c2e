// An inverted-file index over the dense document vectors (IVF-Flat, as in
// Jégou, Douze & Schmid 2011 and FAISS): documents are assigned to the nearest
// of ~sqrt(N) centroids, and a query scores only the documents of its closest
// lists. Only worth it on large corpora: at the bundled size a full scan takes
// well under a millisecond and is exact.
// Centroids live in the leading (strongest) LSA dimensions, which carry most of
// a vector's direction, so assignment and probing stay cheap.

import { normaliseRows } from './lsa.js';
import { uniformSource } from './random.js';

export interface IvfIndex {
  lists: number;
  /** Leading dimensions the centroids use. */
  coarseDims: number;
  /** lists x coarseDims, row-major, unit length. */
  centroids: Float32Array;
  /** listStart[l]..listStart[l+1] index list l's documents in listDocs. */
  listStart: Uint32Array;
  listDocs: Uint32Array;
}

const COARSE_DIMS = 64;
const TRAINING_ITERATIONS = 8;
const TRAINING_POINTS_PER_LIST = 32;
/**
 * Share of the lists a query probes: 5% of the lists hold about 5% of the
 * documents. See bench/search-scale.mjs for what it costs against a full scan.
 */
const PROBE_SHARE = 0.05;

function coarseDot(centroids: Float32Array, c: number, vectors: Float32Array, doc: number, dims: number, coarse: number): number {
  const a = c * coarse;
  const b = doc * dims;
  let sum = 0;
  for (let i = 0; i < coarse; i++) sum += centroids[a + i]! * vectors[b + i]!;
  return sum;
}

function nearest(centroids: Float32Array, lists: number, vectors: Float32Array, doc: number, dims: number, coarse: number): number {
  let best = 0;
  let bestScore = -Infinity;
  for (let c = 0; c < lists; c++) {
    const score = coarseDot(centroids, c, vectors, doc, dims, coarse);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return best;
}

/** Spherical k-means on a sample of the documents, then every document into its nearest list. */
export function buildIvf(docVectors: Float32Array, dims: number, seed = 20191002): IvfIndex {
  const docs = docVectors.length / dims;
  const coarse = Math.min(COARSE_DIMS, dims);
  const lists = Math.max(1, Math.round(Math.sqrt(docs)));
  const random = uniformSource(seed);
  // Training sample: a deterministic partial shuffle of the document indexes.
  const order = Uint32Array.from({ length: docs }, (_, i) => i);
  const sampleSize = Math.min(docs, lists * TRAINING_POINTS_PER_LIST);
  for (let i = 0; i < sampleSize; i++) {
    const j = i + Math.floor(random() * (docs - i));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const sample = order.subarray(0, sampleSize);
  const centroids = new Float32Array(lists * coarse);
  for (let c = 0; c < lists; c++) for (let i = 0; i < coarse; i++) centroids[c * coarse + i] = docVectors[sample[c]! * dims + i]!;
  normaliseRows(centroids, coarse);
  for (let iteration = 0; iteration < TRAINING_ITERATIONS; iteration++) {
    const sums = new Float64Array(lists * coarse);
    for (const doc of sample) {
      const c = nearest(centroids, lists, docVectors, doc, dims, coarse);
      for (let i = 0; i < coarse; i++) sums[c * coarse + i]! += docVectors[doc * dims + i]!;
    }
    for (let c = 0; c < lists; c++) {
      let empty = true;
      for (let i = 0; i < coarse; i++) if (sums[c * coarse + i] !== 0) empty = false;
      // An empty list keeps its centroid rather than collapsing to zero.
      if (!empty) for (let i = 0; i < coarse; i++) centroids[c * coarse + i] = sums[c * coarse + i]!;
    }
    normaliseRows(centroids, coarse);
  }
  const assignment = new Uint32Array(docs);
  const counts = new Uint32Array(lists);
  for (let doc = 0; doc < docs; doc++) {
    const c = nearest(centroids, lists, docVectors, doc, dims, coarse);
    assignment[doc] = c;
    counts[c]!++;
  }
  const listStart = new Uint32Array(lists + 1);
  for (let c = 0; c < lists; c++) listStart[c + 1] = listStart[c]! + counts[c]!;
  const fill = listStart.slice(0, lists);
  const listDocs = new Uint32Array(docs);
  for (let doc = 0; doc < docs; doc++) listDocs[fill[assignment[doc]!]!++] = doc;
  return { lists, coarseDims: coarse, centroids, listStart, listDocs };
}

/** The documents of the lists closest to a (unit) query vector, ascending. */
export function probeIvf(ivf: IvfIndex, query: Float32Array): Uint32Array {
  const { lists, coarseDims: coarse, centroids } = ivf;
  const scores = new Float64Array(lists);
  for (let c = 0; c < lists; c++) {
    let sum = 0;
    for (let i = 0; i < coarse; i++) sum += centroids[c * coarse + i]! * query[i]!;
    scores[c] = sum;
  }
  const probes = Math.min(lists, Math.max(1, Math.ceil(lists * PROBE_SHARE)));
  const chosen = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, probes);
  let total = 0;
  for (const c of chosen) total += ivf.listStart[c + 1]! - ivf.listStart[c]!;
  const docs = new Uint32Array(total);
  let at = 0;
  for (const c of chosen) {
    docs.set(ivf.listDocs.subarray(ivf.listStart[c]!, ivf.listStart[c + 1]!), at);
    at += ivf.listStart[c + 1]! - ivf.listStart[c]!;
  }
  return docs.sort();
}
