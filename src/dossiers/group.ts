// Groups decisions that are stages of one dossier.
//
// Two decisions are linked when their titles, with the stage words removed,
// say the same thing (see `sameDossier` for the thresholds and the examples
// they come from). Linked decisions form a dossier, under constraints that
// keep chains of weak links from gluing different files together.

import type { Decision } from '../model/documents.js';
import { classifyStage, stageLabel, stageRank } from './stage.js';
import { displayTitle, titleTerms } from './titles.js';
import type { DecisionStage, Dossier, DossierStep } from './types.js';

/** What the grouping needs to know about one decision, computed once. */
interface Prepared {
  decision: Decision;
  index: number;
  day: number;
  stage: DecisionStage;
  title: ReadonlySet<string>;
  formal: ReadonlySet<string> | null;
  mandatees: ReadonlySet<string>;
}

export interface PairScore {
  title: number;
  formal: number | null;
  /** Summed weight of the title terms both share. */
  sharedTitleWeight: number;
  sharedFormalWeight: number;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function mandateeKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').trim();
}

function prepare(decisions: readonly Decision[]): Prepared[] {
  return decisions.map((decision, index) => {
    const formalTerms = decision.shortTitle ? titleTerms(decision.shortTitle) : [];
    return {
      decision,
      index,
      day: dayNumber(decision.meetingDate),
      stage: classifyStage(decision),
      title: new Set(titleTerms(decision.title)),
      formal: formalTerms.length > 0 ? new Set(formalTerms) : null,
      mandatees: new Set(decision.mandatees.map((mandatee) => mandateeKey(mandatee.name))),
    };
  });
}

/** Inverse document frequency of every term, over decisions (title and formal title together). */
function termWeights(prepared: readonly Prepared[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const item of prepared) {
    const terms = new Set([...item.title, ...(item.formal ?? [])]);
    for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = prepared.length;
  const weights = new Map<string, number>();
  for (const [term, count] of df) weights.set(term, Math.log((n + 1) / count));
  return weights;
}

function weightOf(terms: Iterable<string>, weights: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const term of terms) sum += weights.get(term) ?? 0;
  return sum;
}

/** Weighted Jaccard of two term sets, and the weight they share. */
function weightedJaccard(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  weights: ReadonlyMap<string, number>,
): { similarity: number; shared: number } {
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += weights.get(term) ?? 0;
  const union = weightOf(a, weights) + weightOf(b, weights) - shared;
  return { similarity: union > 0 ? shared / union : 0, shared };
}

export function scorePair(a: Prepared, b: Prepared, weights: ReadonlyMap<string, number>): PairScore {
  const title = weightedJaccard(a.title, b.title, weights);
  const formal = a.formal && b.formal ? weightedJaccard(a.formal, b.formal, weights) : null;
  return {
    title: title.similarity,
    formal: formal?.similarity ?? null,
    sharedTitleWeight: title.shared,
    sharedFormalWeight: formal?.shared ?? 0,
  };
}

export { prepare as prepareForGrouping, termWeights };
export type { Prepared };

/** Candidate pairs: decisions that share at least one rare term (blocking, not all pairs). */
export function candidatePairs(prepared: readonly Prepared[], maxDocumentFrequency: number): [number, number][] {
  const postings = new Map<string, number[]>();
  for (const item of prepared) {
    const terms = new Set([...item.title, ...(item.formal ?? [])]);
    for (const term of terms) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(item.index);
    }
  }
  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const n = prepared.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxDocumentFrequency) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]!;
        const b = list[j]!;
        const key = a * n + b;
        if (seen.has(key)) continue;
        seen.add(key);
        pairs.push([a, b]);
      }
    }
  }
  return pairs;
}

