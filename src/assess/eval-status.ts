// Scoring per-commitment statuses against a gold file in the format of
// ../shared/eval/status-dev.json. The same figures as the reference scorer
// (score_status.py): a gold sentence is matched to the listed commitment it
// overlaps most (shared words / words of the shorter >= 0.8), so a sentence
// the product splits or merges differently still matches.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors.js';
import { round3 } from '../search/metrics.js';
import type { Commitment } from '../report/model.js';
import { statusLabels } from './status.js';

export const GOLD_STATUSES = ['gerealiseerd', 'in uitvoering', 'aangekondigd', 'geen spoor'] as const;
export type GoldStatus = (typeof GOLD_STATUSES)[number];

const goldSchema = z.object({
  sections: z.record(
    z.string(),
    z.object({
      commitments: z.array(
        z.object({
          text: z.string().min(1),
          checkable: z.boolean(),
          status: z.enum(GOLD_STATUSES),
          evidence: z.array(z.string()),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
});

export type StatusGold = z.infer<typeof goldSchema>;
export type GoldCommitment = StatusGold['sections'][string]['commitments'][number];

export function loadStatusGold(path: string): StatusGold {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read gold file ${path}: ${(error as Error).message}`);
  }
  const parsed = goldSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InputError(`gold file ${path} is not in the format of status-dev.json: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** One listed commitment as the product reports it. */
export interface ProjectCommitment {
  text: string;
  /** With a space ("in uitvoering"), as shown to readers. */
  status: string;
  decisive: string | null;
  confidence: 'hoog' | 'laag' | null;
}

/** A commitment as the scorer compares it with the gold standard. */
export function toProjectCommitment(c: Pick<Commitment, 'text' | 'status' | 'decisiveSourceKey' | 'confidence'>): ProjectCommitment {
  return { text: c.text, status: statusLabels[c.status], decisive: c.decisiveSourceKey, confidence: c.confidence };
}

export interface StatusScores {
  gold_checkable: number;
  not_listed: number;
  accuracy: number;
  trace_agreement: number;
  realised_precision: number | null;
  realised_recall: number | null;
  decisive_in_gold: string;
  decisive_precision: number | null;
  extraction_precision: number;
  high_confidence_accuracy: number | null;
  high_confidence_share: number;
  /** Accuracy of the statuses marked low confidence ("te controleren"). */
  low_confidence_accuracy: number | null;
  /** Rows: gold status; columns: the product's status in GOLD_STATUSES order, then "(not listed)". */
  confusion_gold_x_project: Record<GoldStatus, number[]>;
}

// The reference scorer's word sets: hyphenated line breaks joined, words by \w (Unicode letters and digits).
function words(text: string): Set<string> {
  const joined = text.toLowerCase().replace(/([\p{L}\p{N}_])-\s*([\p{L}\p{N}_])/gu, '$1$2');
  return new Set(joined.match(/[\p{L}\p{N}_]+/gu) ?? []);
}

function overlap(a: Set<string>, b: Set<string>): [number, number] {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return [shared / Math.max(1, Math.min(a.size, b.size)), shared / Math.max(1, union)];
}

const normaliseStatus = (status: string) => status.replace(/-/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

/** Scores the product's commitments per section against the gold file. */
export function scoreStatuses(gold: StatusGold, project: Readonly<Record<string, readonly ProjectCommitment[]>>): StatusScores {
  const columns = [...GOLD_STATUSES, '(not listed)'];
  const confusion = new Map<string, number>();
  const bump = (g: string, p: string) => confusion.set(`${g}|${p}`, (confusion.get(`${g}|${p}`) ?? 0) + 1);
  let n = 0, ok = 0, dropped = 0, decisiveOk = 0, decisiveTotal = 0, listedCheckable = 0, listedOther = 0;
  let high = 0, highOk = 0, low = 0, lowOk = 0;
  for (const [sectionId, section] of Object.entries(gold.sections)) {
    const listed = (project[sectionId] ?? []).map((c) => ({ c, words: words(c.text) }));
    for (const g of section.commitments) {
      const goldWords = words(g.text);
      let best: ProjectCommitment | null = null;
      let bestScore: [number, number] = [0, 0];
      for (const { c, words: w } of listed) {
        const score = overlap(goldWords, w);
        if (best === null || score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
          best = c;
          bestScore = score;
        }
      }
      const matched = best !== null && bestScore[0] >= 0.8;
      if (matched) {
        if (g.checkable) listedCheckable++;
        else listedOther++;
      }
      if (!g.checkable) continue;
      n++;
      if (!matched || best === null) {
        dropped++;
        bump(g.status, '(not listed)');
        continue;
      }
      const status = normaliseStatus(best.status);
      bump(g.status, status);
      const right = status === g.status;
      if (right) ok++;
      if (best.confidence === 'hoog') {
        high++;
        if (right) highOk++;
      } else {
        low++;
        if (right) lowOk++;
      }
      if (status !== 'geen spoor' && best.decisive) {
        decisiveTotal++;
        if (g.evidence.includes(best.decisive)) decisiveOk++;
      }
    }
  }
  const count = (g: string, p: string) => confusion.get(`${g}|${p}`) ?? 0;
  const tp = count('gerealiseerd', 'gerealiseerd');
  const fp = GOLD_STATUSES.filter((g) => g !== 'gerealiseerd').reduce((sum, g) => sum + count(g, 'gerealiseerd'), 0);
  const fn = columns.filter((p) => p !== 'gerealiseerd').reduce((sum, p) => sum + count('gerealiseerd', p), 0);
  const traced = (s: string) => s !== 'geen spoor';
  let traceAgree = 0;
  for (const g of GOLD_STATUSES) for (const p of GOLD_STATUSES) if (traced(g) === traced(p)) traceAgree += count(g, p);
  const ratio = (a: number, b: number) => (b > 0 ? round3(a / b) : null);
  return {
    gold_checkable: n,
    not_listed: dropped,
    accuracy: n ? round3(ok / n) : 0,
    trace_agreement: n ? round3(traceAgree / n) : 0,
    realised_precision: ratio(tp, tp + fp),
    realised_recall: ratio(tp, tp + fn),
    decisive_in_gold: `${decisiveOk}/${decisiveTotal}`,
    decisive_precision: ratio(decisiveOk, decisiveTotal),
    extraction_precision: round3(listedCheckable / Math.max(1, listedCheckable + listedOther)),
    high_confidence_accuracy: ratio(highOk, high),
    high_confidence_share: n ? round3(high / n) : 0,
    low_confidence_accuracy: ratio(lowOk, low),
    confusion_gold_x_project: Object.fromEntries(GOLD_STATUSES.map((g) => [g, columns.map((p) => count(g, p))])) as Record<GoldStatus, number[]>,
  };
}
