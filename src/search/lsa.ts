// Latent semantic analysis: dense vectors learned from the corpus itself at
// ingest time (no downloaded weights). A truncated SVD of the sublinear TF-IDF
// document-term matrix, computed by randomized range finding (Halko, Martinsson
// & Tropp 2011) with power iterations, so only products with the sparse matrix
// and small dense factorisations are needed.

import { gaussianSource } from './random.js';

export interface SparseRows {
  /** CSR layout: row r's entries are rowStart[r]..rowStart[r+1]. */
  rowStart: Uint32Array;
  cols: Uint32Array;
  values: Float32Array;
  columns: number;
}

export interface LsaModel {
  dimensions: number;
  /** Term vocabulary of the model, index = row of `termVectors`. */
  terms: string[];
  idf: Float32Array;
  /** terms x dimensions, row-major: V of A = U S V^T. */
  termVectors: Float32Array;
  /** documents x dimensions, row-major, unit length: rows of A V. */
  docVectors: Float32Array;
}

/** Y = A X, X dense columns x l (row-major). */
function multiply(a: SparseRows, x: Float64Array, l: number): Float64Array {
  const rows = a.rowStart.length - 1;
  const y = new Float64Array(rows * l);
  for (let r = 0; r < rows; r++) {
    const out = r * l;
    for (let p = a.rowStart[r]!; p < a.rowStart[r + 1]!; p++) {
      const v = a.values[p]!;
      const src = a.cols[p]! * l;
      for (let j = 0; j < l; j++) y[out + j]! += v * x[src + j]!;
    }
  }
  return y;
}

/** Z = A^T Y, Y dense rows x l (row-major). */
function multiplyTransposed(a: SparseRows, y: Float64Array, l: number): Float64Array {
  const rows = a.rowStart.length - 1;
  const z = new Float64Array(a.columns * l);
  for (let r = 0; r < rows; r++) {
    const src = r * l;
    for (let p = a.rowStart[r]!; p < a.rowStart[r + 1]!; p++) {
      const v = a.values[p]!;
      const out = a.cols[p]! * l;
      for (let j = 0; j < l; j++) z[out + j]! += v * y[src + j]!;
    }
  }
  return z;
}

/**
 * Orthonormalises the l columns of an n x l row-major matrix in place by
 * Cholesky QR, done twice for stability (CholeskyQR2, Fukaya et al. 2014):
 * only row-wise passes over the matrix, which is what makes it fast here.
 */
function orthonormalise(m: Float64Array, n: number, l: number, passes = 2): void {
  for (let pass = 0; pass < passes; pass++) {
    // Gram matrix G = M^T M (upper triangle).
    const g = new Float64Array(l * l);
    for (let r = 0; r < n; r++) {
      const off = r * l;
      for (let i = 0; i < l; i++) {
        const mi = m[off + i]!;
        if (mi === 0) continue;
        const gi = i * l;
        for (let j = i; j < l; j++) g[gi + j]! += mi * m[off + j]!;
      }
    }
    // Cholesky G = R^T R, kept as rt = R^T (lower triangular, row-major) so
    // the substitution below reads it contiguously. A tiny ridge keeps
    // rank-deficient columns finite.
    let maxDiagonal = 1e-300;
    for (let i = 0; i < l; i++) maxDiagonal = Math.max(maxDiagonal, g[i * l + i]!);
    const ridge = 1e-12 * maxDiagonal;
    const rt = new Float64Array(l * l);
    for (let j = 0; j < l; j++) {
      const rowJ = j * l;
      let d = g[j * l + j]! + ridge;
      for (let k = 0; k < j; k++) d -= rt[rowJ + k]! ** 2;
      const rjj = Math.sqrt(Math.max(d, ridge));
      rt[rowJ + j] = rjj;
      for (let i = j + 1; i < l; i++) {
        const rowI = i * l;
        let v = g[j * l + i]!;
        for (let k = 0; k < j; k++) v -= rt[rowI + k]! * rt[rowJ + k]!;
        rt[rowI + j] = v / rjj;
      }
    }
    // M <- M R^{-1}: forward substitution per row.
    for (let r = 0; r < n; r++) {
      const off = r * l;
      for (let j = 0; j < l; j++) {
        const rowJ = j * l;
        let v = m[off + j]!;
        for (let k = 0; k < j; k++) v -= m[off + k]! * rt[rowJ + k]!;
        m[off + j] = v / rt[rowJ + j]!;
      }
    }
  }
}

/** Eigen-decomposition of a symmetric l x l matrix by cyclic Jacobi rotations; returns values and column eigenvectors. */
export function symmetricEigen(input: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(input);
  const v = new Float64Array(l * l);
  for (let i = 0; i < l; i++) v[i * l + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (a[q * l + q]! - a[p * l + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]!;
          const akq = a[k * l + q]!;
          a[k * l + p] = c * akp - s * akq;
          a[k * l + q] = s * akp + c * akq;
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]!;
          const aqk = a[q * l + k]!;
          a[p * l + k] = c * apk - s * aqk;
          a[q * l + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]!;
          const vkq = v[k * l + q]!;
          v[k * l + p] = c * vkp - s * vkq;
          v[k * l + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(l);
  for (let i = 0; i < l; i++) values[i] = a[i * l + i]!;
  return { values, vectors: v };
}

export interface TruncatedSvd {
  /** Singular values, descending. */
  singular: Float64Array;
  /** columns x k, row-major (right singular vectors). */
  v: Float64Array;
}

/** Rank-k SVD of a sparse matrix: the top right singular vectors and values. */
export function truncatedSvd(a: SparseRows, k: number, options: { oversample?: number; powerIterations?: number; seed?: number } = {}): TruncatedSvd {
  const rows = a.rowStart.length - 1;
  const l = Math.min(k + (options.oversample ?? 16), rows, a.columns);
  const gauss = gaussianSource(options.seed ?? 20191002);
  const omega = new Float64Array(a.columns * l).map(() => gauss());
  let y = multiply(a, omega, l);
  // Power iterations sharpen the spectrum; a basis of the range only needs to
  // be accurate at the end, so the intermediate step is a single cheap pass.
  for (let i = 0; i < (options.powerIterations ?? 1); i++) {
    orthonormalise(y, rows, l, 1);
    y = multiply(a, multiplyTransposed(a, y, l), l);
  }
  orthonormalise(y, rows, l);
  // B = Q^T A is l x columns; stored transposed (columns x l) as A^T Q.
  const bt = multiplyTransposed(a, y, l);
  const bbt = new Float64Array(l * l);
  for (let c = 0; c < a.columns; c++) {
    const off = c * l;
    for (let i = 0; i < l; i++) {
      const bi = bt[off + i]!;
      if (bi === 0) continue;
      for (let j = i; j < l; j++) bbt[i * l + j]! += bi * bt[off + j]!;
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) bbt[i * l + j] = bbt[j * l + i]!;
  const { values, vectors } = symmetricEigen(bbt, l);
  const order = [...values.keys()].sort((x, y2) => values[y2]! - values[x]!).slice(0, Math.min(k, l));
  const dims = order.length;
  const singular = new Float64Array(dims);
  // W = Q U_b / sigma (rows x dims); then V = A^T W, since B = U_b S V^T and B = Q^T A.
  const w = new Float64Array(rows * dims);
  order.forEach((e, d) => {
    const sigma = Math.sqrt(Math.max(values[e]!, 0));
    singular[d] = sigma;
    if (sigma === 0) return;
    const u = Float64Array.from({ length: l }, (_, i) => vectors[i * l + e]! / sigma);
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      const off = r * l;
      for (let i = 0; i < l; i++) sum += y[off + i]! * u[i]!;
      w[r * dims + d] = sum;
    }
  });
  const v = multiplyTransposed(a, w, dims);
  return { singular, v };
}

/** Scales every row of a row-major matrix to unit length (zero rows stay zero). */
export function normaliseRows(m: Float32Array, dims: number): void {
  for (let off = 0; off < m.length; off += dims) {
    let norm = 0;
    for (let j = 0; j < dims; j++) norm += m[off + j]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < dims; j++) m[off + j]! /= norm;
  }
}

/**
 * Learns an LSA model from analysed documents. Terms in fewer than `minDf`
 * documents are left out: they cannot co-occur enough to earn a direction.
 */
export function buildLsaModel(
  docs: readonly string[][],
  options: { dimensions: number; minDf?: number; seed?: number; powerIterations?: number },
): LsaModel {
  const minDf = options.minDf ?? 2;
  const df = new Map<string, number>();
  for (const terms of docs) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const terms = [...df].filter(([, n]) => n >= minDf && n < docs.length).map(([t]) => t).sort();
  const termIndex = new Map(terms.map((t, i) => [t, i]));
  const idf = Float32Array.from(terms, (t) => Math.log(docs.length / df.get(t)!));
  const rowStart = new Uint32Array(docs.length + 1);
  const cols: number[] = [];
  const values: number[] = [];
  docs.forEach((doc, r) => {
    const row = tfidfVector(doc, termIndex, idf);
    for (const [c, w] of row) {
      cols.push(c);
      values.push(w);
    }
    rowStart[r + 1] = cols.length;
  });
  const matrix: SparseRows = { rowStart, cols: Uint32Array.from(cols), values: Float32Array.from(values), columns: terms.length };
  const { v, singular } = truncatedSvd(matrix, options.dimensions, { seed: options.seed, powerIterations: options.powerIterations });
  const dims = singular.length;
  const termVectors = Float32Array.from(v);
  const docVectors = new Float32Array(docs.length * dims);
  for (let r = 0; r < docs.length; r++) {
    for (let p = rowStart[r]!; p < rowStart[r + 1]!; p++) {
      const w = matrix.values[p]!;
      const src = matrix.cols[p]! * dims;
      for (let d = 0; d < dims; d++) docVectors[r * dims + d]! += w * termVectors[src + d]!;
    }
  }
  normaliseRows(docVectors, dims);
  return { dimensions: dims, terms, idf, termVectors, docVectors };
}

/** Sublinear, unit-length TF-IDF of a term list over a vocabulary: [column, weight] pairs. */
export function tfidfVector(terms: readonly string[], termIndex: ReadonlyMap<string, number>, idf: Float32Array): [number, number][] {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return weightedTfidf(tf, termIndex, idf);
}

/** Like {@link tfidfVector} for a bag of (possibly fractional) term weights. */
function weightedTfidf(bag: ReadonlyMap<string, number>, termIndex: ReadonlyMap<string, number>, idf: Float32Array): [number, number][] {
  const row: [number, number][] = [];
  for (const [term, n] of bag) {
    const c = termIndex.get(term);
    if (c === undefined || !(n > 0)) continue;
    row.push([c, (n >= 1 ? 1 + Math.log(n) : n) * idf[c]!]);
  }
  const norm = Math.sqrt(row.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return row.map(([c, w]) => [c, w / norm]);
}

/** Projects a bag of query terms into the model's space (unit length); null when no term is known. */
export function embedQuery(model: LsaModel, bag: ReadonlyMap<string, number>, termIndex: ReadonlyMap<string, number>): Float32Array | null {
  const row = weightedTfidf(bag, termIndex, model.idf);
  if (row.length === 0) return null;
  const dims = model.dimensions;
  const q = new Float32Array(dims);
  for (const [c, w] of row) for (let d = 0; d < dims; d++) q[d]! += w * model.termVectors[c * dims + d]!;
  normaliseRows(q, dims);
  return q;
}

/** Cosine similarity of a unit query vector with every (unit) document vector. */
export function scoreDense(model: LsaModel, query: Float32Array): Float64Array {
  const docs = model.docVectors.length / model.dimensions;
  const out = new Float64Array(docs);
  for (let r = 0; r < docs; r++) out[r] = dot(model, query, r);
  return out;
}

/** Similarities of several query vectors with some documents only: `out[q][i]` is query q against docs[i]. */
export function scoreDenseAt(model: LsaModel, queries: readonly Float32Array[], docs: Uint32Array): Float64Array[] {
  return queries.map((query) => {
    const out = new Float64Array(docs.length);
    for (let i = 0; i < docs.length; i++) out[i] = dot(model, query, docs[i]!);
    return out;
  });
}

function dot(model: LsaModel, query: Float32Array, doc: number): number {
  const dims = model.dimensions;
  const vectors = model.docVectors;
  const off = doc * dims;
  // Four accumulators: independent chains the CPU can overlap.
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let i = 0;
  for (; i + 3 < dims; i += 4) {
    a += query[i]! * vectors[off + i]!;
    b += query[i + 1]! * vectors[off + i + 1]!;
    c += query[i + 2]! * vectors[off + i + 2]!;
    d += query[i + 3]! * vectors[off + i + 3]!;
  }
  for (; i < dims; i++) a += query[i]! * vectors[off + i]!;
  return a + b + c + d;
}
