// What a server answers from: one data generation, loaded whole (report
// context, overview, a report cache of its own). A request takes the current
// generation once at its start and uses it to the end, so it never mixes two;
// a poller loads a newer generation beside the old one and swaps the reference.
import type { AgreementSection } from '../model/documents.js';
import { buildSectionReport } from '../report/build.js';
import { contextForAgreement, loadReportContext, withCurrentReviews, type ReportContext } from '../report/context.js';
import type { Generator } from '../report/generator.js';
import { renderHtml } from '../report/render/html.js';
import { renderJson } from '../report/render/json.js';
import { renderMarkdown } from '../report/render/markdown.js';
import type { QueryEmbeddings } from '../search/embeddings/retriever.js';
import { REVIEW_GENERATION } from '../store/editorial.js';
import type { Store } from '../store/store.js';
import { loadPromiseDetail, promiseRows, type PromiseDetail, type PromiseRow } from './promises.js';
import { computeOverview, type Overview } from './overview.js';

export interface ServedData {
  generation: number;
  context: ReportContext;
  sectionById: ReadonlyMap<string, AgreementSection>;
  overview: Overview;
  /** Rendered reports by section id, for this generation only; promises, so concurrent requests share one build. */
  reports: Map<string, Promise<RenderedReport>>;
  /** An external embedding model's list for searches over this generation's index; null when not configured. */
  embeddings: QueryEmbeddings | null;
  /** Every commitment as a row for the promise list, made on first use. */
  promises(): Promise<PromiseRow[]>;
  /** The row of the promise at `<section id>/<n>`; undefined when there is none. */
  promiseRow(path: string): Promise<PromiseRow | undefined>;
  /** One promise's page (`<section id>/<n>`), made once per generation; null when there is none. */
  promise(path: string): Promise<PromiseDetail | null>;
  /**
   * The same generation for another stored agreement (the default is the only
   * or newest one), loaded on first use; an InputError for an unknown one.
   */
  forAgreement(agreement: string | undefined): Promise<ServedData>;
}

/** How a generation gets its external embeddings (they are aligned with its search index). */
export type EmbeddingsLoader = (context: ReportContext) => Promise<QueryEmbeddings | null>;

/** A section report in every format the API serves. */
export interface RenderedReport {
  json: string;
  md: string;
  html: string;
}

/** Served data from a loaded context (tests build contexts themselves). */
export function servedData(context: ReportContext, generation: number, embeddings: QueryEmbeddings | null = null): ServedData {
  let promises: Promise<PromiseRow[]> | null = null;
  const others = new Map<string, Promise<ServedData>>();
  const details = new Map<string, Promise<PromiseDetail | null>>();
  let byPath: Promise<Map<string, PromiseRow>> | null = null;
  const self: ServedData = {
    forAgreement(agreement) {
      if (!agreement || agreement === context.agreement) return Promise.resolve(self);
      let other = others.get(agreement);
      if (!other) {
        // The external embeddings are aligned with this generation's search index: shared only when the other context is of the same generation.
        other = contextForAgreement(context, agreement).then((c) => servedData(c, c.generation, c.generation === generation ? embeddings : null));
        others.set(agreement, other);
        other.catch(() => others.delete(agreement));
      }
      return other;
    },
    promises() {
      promises ??= promiseRows(context);
      promises.catch(() => (promises = null));
      return promises;
    },
    async promiseRow(path) {
      byPath ??= self.promises().then((rows) => new Map(rows.map((r) => [r.path, r])));
      return (await byPath).get(path);
    },
    async promise(path) {
      const cached = details.get(path);
      if (cached) return cached;
      const loading = self.promiseRow(path).then((row) => (row ? loadPromiseDetail(context, row) : null));
      // Only real promises are kept (at most one per commitment), and no failure.
      details.set(path, loading);
      loading.then((detail) => detail ?? details.delete(path), () => details.delete(path));
      return loading;
    },
    generation,
    context,
    sectionById: new Map(context.sections.map((s) => [s.id, s])),
    overview: computeOverview(context, generation),
    reports: new Map(),
    embeddings,
  };
  return self;
}

export interface LoadOptions {
  embeddings?: EmbeddingsLoader;
  /** The agreement served by default (default: the only or newest one). */
  agreement?: string;
}

export async function loadServedData(store: Store, options: LoadOptions = {}): Promise<ServedData> {
  const context = await loadReportContext(store, options.agreement);
  const embeddings = options.embeddings ? await options.embeddings(context) : null;
  return servedData(context, context.generation, embeddings);
}

/** The section's report in every format: built once per generation, then a read. */
export function renderedReport(data: ServedData, sectionId: string, generator: Generator): Promise<RenderedReport> {
  const cached = data.reports.get(sectionId);
  if (cached) return cached;
  const building = buildSectionReport(data.context, sectionId, generator).then((report) => ({
    json: renderJson(report),
    md: renderMarkdown(report),
    html: renderHtml(report),
  }));
  data.reports.set(sectionId, building);
  // A failed build is not remembered: the next request tries again.
  building.catch(() => data.reports.delete(sectionId));
  return building;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Renders every section's report of a generation in the background, one per
 * event-loop turn so requests keep being answered, until `stillWanted` says
 * the generation was replaced. Only for a generator without cost per call
 * (the extractive one): an LLM writes a report when someone asks for it.
 */
export async function warmReports(data: ServedData, generator: Generator, stillWanted: () => boolean): Promise<void> {
  for (const section of data.context.sections) {
    if (!stillWanted()) return;
    await nextTurn();
    await renderedReport(data, section.id, generator).catch(() => undefined);
  }
}

export interface Follower {
  current(): ServedData;
  /**
   * Checks the store now and swaps when it has a newer generation; resolves
   * when done. Asked while a check runs, it checks once more after it (that one
   * may have read the generation before a commit that asks for this one).
   */
  check(): Promise<void>;
  /** Also checks whenever the store says a generation was committed (PostgreSQL's LISTEN); polling goes on beside it. */
  listen(): Promise<void>;
  stop(): void;
}

export interface FollowOptions extends LoadOptions {
  /** How often the store is asked for its generation. */
  intervalMs: number;
  log: (message: string) => void;
  /** Called with every generation taken into service (the first included), e.g. to warm its reports. */
  onServe?: (data: ServedData) => void;
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
  let again: Promise<void> | null = null;
  const check = (): Promise<void> => {
    if (running) {
      again ??= running.then(() => {
        again = null;
        return check();
      });
      return again;
    }
    running = (async () => {
      try {
        const newest = await store.generation();
        if (newest === served.generation) return;
        // Generations that only added reviews need the reviews read again, not the whole index.
        const reasons = await store.generationReasons(served.generation);
        served =
          reasons.length > 0 && reasons.every((reason) => reason === REVIEW_GENERATION)
            ? servedData(await withCurrentReviews(served.context, newest), newest, served.embeddings)
            : await loadServedData(store, options);
        options.onServe?.(served);
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
  options.onServe?.(served);
  const timer = setInterval(() => void check(), options.intervalMs);
  timer.unref();
  let unlisten: (() => Promise<void>) | null = null;
  let stopped = false;
  return {
    current: () => served,
    check,
    async listen() {
      if (!store.watchGenerations) return;
      try {
        const stop = await store.watchGenerations(() => void check());
        if (stopped) await stop();
        else unlisten = stop;
      } catch (error) {
        options.log(`waarschuwing: meldingen van nieuwe generaties niet beschikbaar, de server kijkt om de ${options.intervalMs} ms: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    stop: () => {
      stopped = true;
      clearInterval(timer);
      void unlisten?.();
    },
  };
}
