// What a server answers from: one data generation, loaded whole (report
// context, overview, a report cache of its own). A request takes the current
// generation once at its start and uses it to the end, so it never mixes two;
// a poller loads a newer generation beside the old one and swaps the reference.
import type { AgreementSection } from '../model/documents.js';
import { loadReportContext, type ReportContext } from '../report/context.js';
import type { SectionReport } from '../report/model.js';
import type { QueryEmbeddings } from '../search/embeddings/retriever.js';
import type { Store } from '../store/store.js';
import { createLru, type Lru } from './lru.js';
import { computeOverview, type Overview } from './overview.js';

export interface ServedData {
  generation: number;
  context: ReportContext;
  sectionById: ReadonlyMap<string, AgreementSection>;
  overview: Overview;
  /** Built reports by section id; promises, so concurrent requests share one build. */
  reports: Lru<Promise<SectionReport>>;
  /** An external embedding model's list for searches over this generation's index; null when not configured. */
  embeddings: QueryEmbeddings | null;
}

/** How a generation gets its external embeddings (they are aligned with its search index). */
export type EmbeddingsLoader = (context: ReportContext) => Promise<QueryEmbeddings | null>;

export const REPORT_CACHE_SIZE = 64;

/** Served data from a loaded context (tests build contexts themselves). */
export function servedData(context: ReportContext, generation: number, embeddings: QueryEmbeddings | null = null, reportCacheSize = REPORT_CACHE_SIZE): ServedData {
  return {
    generation,
    context,
    sectionById: new Map(context.sections.map((s) => [s.id, s])),
    overview: computeOverview(context, generation),
    reports: createLru(reportCacheSize),
    embeddings,
  };
}

export interface LoadOptions {
  embeddings?: EmbeddingsLoader;
  reportCacheSize?: number;
}

export async function loadServedData(store: Store, options: LoadOptions = {}): Promise<ServedData> {
  // The generation is read first: data committed in between only makes the next poll reload once more.
  const generation = await store.generation();
  const context = await loadReportContext(store);
  const embeddings = options.embeddings ? await options.embeddings(context) : null;
  return servedData(context, generation, embeddings, options.reportCacheSize);
}

export interface Follower {
  current(): ServedData;
  /** Checks the store now and swaps when it has a newer generation; resolves when done. */
  check(): Promise<void>;
  stop(): void;
}

export interface FollowOptions extends LoadOptions {
  /** How often the store is asked for its generation. */
  intervalMs: number;
  log: (message: string) => void;
}

/**
 * Follows the store's generations: every `intervalMs` it reads the newest
 * generation and, when it changed, loads it and swaps. A failed load keeps the
 * generation being served and is tried again at the next poll.
 */
export function followGenerations(store: Store, initial: ServedData, options: FollowOptions): Follower {
  let served = initial;
  let running: Promise<void> | null = null;
  let failures = 0;
  const check = (): Promise<void> => {
    running ??= (async () => {
      try {
        const newest = await store.generation();
        if (newest === served.generation) return;
        served = await loadServedData(store, options);
        options.log(`gegevens bijgewerkt: generatie ${served.generation}`);
        failures = 0;
      } catch (error) {
        // Logged once per streak, so a database that is down does not flood the log.
        if (failures++ === 0) options.log(`nieuwe gegevens laden mislukt, de server blijft generatie ${served.generation} tonen: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void check(), options.intervalMs);
  timer.unref();
  return {
    current: () => served,
    check,
    stop: () => clearInterval(timer),
  };
}
