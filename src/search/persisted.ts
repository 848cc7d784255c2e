// The search index as stored by ingest (one derived blob) and loaded by queries.
import type { Corpus, DerivedBlob, Store } from '../store/store.js';
import { RuntimeFailure } from '../errors.js';
import type { CompoundOptions } from '../text/index.js';
import { corpusLexicon, createSearchAnalysis, type SearchAnalysis } from './analysis.js';
import type { Bm25Params } from './bm25.js';
import { decisionForSearch, parliamentForSearch } from './documents.js';
import { buildSearchIndex, defaultIndexOptions, type IndexedDoc, type SearchIndex } from './engine.js';
import { pack, unpack } from './pack.js';

export const SEARCH_BLOB = 'search-index';
/** Bump when the stored layout or the analysis changes: old indexes are then rebuilt by ingest. */
const FORMAT_VERSION = 2;

interface Header {
  version: number;
  docs: IndexedDoc[];
  bm25: { params: Bm25Params; docCount: number; terms: string[] };
  lsa: { dimensions: number; terms: string[]; ivf?: { lists: number; coarseDims: number } };
  /** The compound lexicon as built at ingest, so loading needs no recomputation; null when compounds are off. */
  compounds: { words: [string, number][]; parts: [string, number][]; options: CompoundOptions } | null;
}

export interface LoadedSearch {
  index: SearchIndex;
  analysis: SearchAnalysis;
}

/** Builds the search index over every decision and parliament document of the corpus. */
export function buildSearch(corpus: Corpus): LoadedSearch {
  const docs = [...corpus.decisions.map(decisionForSearch), ...corpus.parliament.map(parliamentForSearch)];
  const analysis = createSearchAnalysis(corpusLexicon(docs));
  return { index: buildSearchIndex(docs, analysis.analyser, defaultIndexOptions), analysis };
}

export function serialiseSearch({ index, analysis }: LoadedSearch): Uint8Array {
  const header: Header = {
    version: FORMAT_VERSION,
    docs: index.docs,
    bm25: { params: index.bm25.params, docCount: index.bm25.docCount, terms: [...index.bm25.termIds.keys()] },
    lsa: {
      dimensions: index.lsa.dimensions,
      terms: index.lsa.terms,
      ...(index.ivf ? { ivf: { lists: index.ivf.lists, coarseDims: index.ivf.coarseDims } } : {}),
    },
    compounds: analysis.lexicon
      ? { words: [...analysis.lexicon.wordFrequencies], parts: [...analysis.lexicon.partFrequencies], options: { ...analysis.lexicon.options } }
      : null,
  };
  return pack(header, {
    df: index.bm25.df,
    postingsStart: index.bm25.postingsStart,
    postingDocs: index.bm25.postingDocs,
    postingWeights: index.bm25.postingWeights,
    lsaIdf: index.lsa.idf,
    termVectors: index.lsa.termVectors,
    docVectors: index.lsa.docVectors,
    ...(index.ivf ? { ivfCentroids: index.ivf.centroids, ivfListStart: index.ivf.listStart, ivfListDocs: index.ivf.listDocs } : {}),
  });
}

export function deserialiseSearch(bytes: Uint8Array): LoadedSearch {
  const { header, arrays } = unpack<Header>(bytes);
  if (header.version !== FORMAT_VERSION) {
    throw new RuntimeFailure('the search index was built by another version of beloftemeter: run "beloftemeter ingest" again');
  }
  const { compounds } = header;
  const analysis = createSearchAnalysis(
    compounds ? { wordFrequencies: new Map(compounds.words), partFrequencies: new Map(compounds.parts), options: compounds.options } : null,
  );
  const index: SearchIndex = {
    docs: header.docs,
    bm25: {
      params: header.bm25.params,
      docCount: header.bm25.docCount,
      termIds: new Map(header.bm25.terms.map((t, i) => [t, i])),
      df: arrays.df as Uint32Array,
      postingsStart: arrays.postingsStart as Uint32Array,
      postingDocs: arrays.postingDocs as Uint32Array,
      postingWeights: arrays.postingWeights as Float32Array,
    },
    lsa: {
      dimensions: header.lsa.dimensions,
      terms: header.lsa.terms,
      idf: arrays.lsaIdf as Float32Array,
      termVectors: arrays.termVectors as Float32Array,
      docVectors: arrays.docVectors as Float32Array,
    },
    lsaTermIndex: new Map(header.lsa.terms.map((t, i) => [t, i])),
  };
  if (header.lsa.ivf) {
    index.ivf = {
      ...header.lsa.ivf,
      centroids: arrays.ivfCentroids as Float32Array,
      listStart: arrays.ivfListStart as Uint32Array,
      listDocs: arrays.ivfListDocs as Uint32Array,
    };
  }
  return { index, analysis };
}

/** The ingest derive step's part for search. */
export function deriveSearchBlob(corpus: Corpus): DerivedBlob {
  return { name: SEARCH_BLOB, data: serialiseSearch(buildSearch(corpus)) };
}

export async function loadSearch(store: Store): Promise<LoadedSearch> {
  const blob = await store.derived(SEARCH_BLOB);
  if (!blob) throw new RuntimeFailure('the index has no search structures yet: run "beloftemeter ingest"');
  return deserialiseSearch(blob);
}
