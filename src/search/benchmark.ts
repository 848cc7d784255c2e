// The retrieval benchmark (format of shared/eval/retrieval-dev.json) and its scoring.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { gradedNdcgAt, mean, ndcgAt, recallAt } from './metrics.js';

const benchmarkSchema = z.object({
  sections: z
    .array(
      z.object({
        id: z.string(),
        path: z.array(z.string()).optional(),
        query: z.string(),
        relevant: z.array(z.string()),
        peer_ranking: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

/** Graded relevance (format of shared/eval/judged-dev.json): 2 = carries out a commitment, 1 = same topic, 0 = not relevant. */
const gradedSchema = z.object({
  sections: z
    .array(
      z.object({
        id: z.string(),
        query: z.string(),
        grades: z.record(z.string(), z.union([z.literal(0), z.literal(1), z.literal(2)])),
        peer_ranking: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

export type RetrievalBenchmark = z.infer<typeof benchmarkSchema>;
export type BenchmarkSection = RetrievalBenchmark['sections'][number];
export type GradedBenchmark = z.infer<typeof gradedSchema>;
export type GradedSection = GradedBenchmark['sections'][number];

/** A benchmark file of either kind: binary `relevant` lists or graded `grades`. */
export type AnyBenchmark = { kind: 'binary'; benchmark: RetrievalBenchmark } | { kind: 'graded'; benchmark: GradedBenchmark };

export function loadAnyBenchmark(path: string): AnyBenchmark {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read benchmark ${path}: ${(error as Error).message}`);
  }
  const first = (raw as { sections?: unknown[] } | null)?.sections?.[0];
  const graded = typeof first === 'object' && first !== null && 'grades' in first;
  const parsed = graded ? gradedSchema.safeParse(raw) : benchmarkSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`benchmark ${path} is not in the expected format: ${issue.path.join('.')}: ${issue.message}`);
  }
  return graded ? { kind: 'graded', benchmark: parsed.data as GradedBenchmark } : { kind: 'binary', benchmark: parsed.data as RetrievalBenchmark };
}

export function loadBenchmark(path: string): RetrievalBenchmark {
  const loaded = loadAnyBenchmark(path);
  if (loaded.kind !== 'binary') throw new InputError(`benchmark ${path} is graded; this needs a file with "relevant" lists`);
  return loaded.benchmark;
}

export interface GradedScores {
  'ndcg@20': number;
  'R2@20': number;
  'R1@20': number;
  'R2@50': number;
  /** Share of the top 20 that the assessors never judged (counted as 0). */
  'unjudged@20': number;
}

export interface GradedResult extends GradedScores {
  sections: number;
  peer?: GradedScores;
}

// As ../shared/eval/score_graded.py: recall averages over the sections that have such grades at all.
function scoreGradedRankings(sections: readonly GradedSection[], rankings: readonly string[][]): GradedScores {
  const recall = (k: number, threshold: number) =>
    mean(
      sections.flatMap((section, i) => {
        const relevant = new Set(Object.entries(section.grades).filter(([, g]) => g >= threshold).map(([id]) => id));
        return relevant.size ? [recallAt(rankings[i]!, relevant, k)] : [];
      }),
    );
  return {
    'ndcg@20': mean(sections.map((section, i) => gradedNdcgAt(rankings[i]!, section.grades, 20))),
    'R2@20': recall(20, 2),
    'R1@20': recall(20, 1),
    'R2@50': recall(50, 2),
    'unjudged@20': mean(sections.map((section, i) => rankings[i]!.slice(0, 20).filter((id) => !Object.hasOwn(section.grades, id)).length / 20)),
  };
}

export function evaluateGraded(benchmark: GradedBenchmark, rank: (section: GradedSection) => string[]): GradedResult {
  const sections = benchmark.sections;
  const result: GradedResult = { sections: sections.length, ...scoreGradedRankings(sections, sections.map(rank)) };
  if (sections.every((s) => s.peer_ranking)) result.peer = scoreGradedRankings(sections, sections.map((s) => s.peer_ranking!));
  return result;
}

export interface RetrievalScores {
  'recall@10': number;
  'recall@20': number;
  'recall@50': number;
  'ndcg@20': number;
}

export interface BenchmarkResult extends RetrievalScores {
  sections: number;
  peer?: RetrievalScores;
}

function scoreRankings(sections: readonly BenchmarkSection[], rankings: readonly string[][]): RetrievalScores {
  const relevant = sections.map((s) => new Set(s.relevant));
  const at = (metric: (r: string[], rel: Set<string>, k: number) => number, k: number) =>
    mean(rankings.map((ranking, i) => metric(ranking, relevant[i]!, k)));
  return {
    'recall@10': at(recallAt, 10),
    'recall@20': at(recallAt, 20),
    'recall@50': at(recallAt, 50),
    'ndcg@20': at(ndcgAt, 20),
  };
}

/** Scores a ranking function on every section; `peer` from the file's own peer rankings when present. */
export function evaluateRetrieval(benchmark: RetrievalBenchmark, rank: (section: BenchmarkSection) => string[]): BenchmarkResult {
  const sections = benchmark.sections;
  const result: BenchmarkResult = { sections: sections.length, ...scoreRankings(sections, sections.map(rank)) };
  if (sections.every((s) => s.peer_ranking)) {
    result.peer = scoreRankings(sections, sections.map((s) => s.peer_ranking!));
  }
  return result;
}

