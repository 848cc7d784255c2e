// The retrieval benchmark (format of shared/eval/retrieval-dev.json) and its scoring.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { mean, ndcgAt, recallAt } from './metrics.js';

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

export type RetrievalBenchmark = z.infer<typeof benchmarkSchema>;
export type BenchmarkSection = RetrievalBenchmark['sections'][number];

export function loadBenchmark(path: string): RetrievalBenchmark {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read benchmark ${path}: ${(error as Error).message}`);
  }
  const parsed = benchmarkSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`benchmark ${path} is not in the expected format: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
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

export const round3 = (x: number) => Math.round(x * 1000) / 1000;
