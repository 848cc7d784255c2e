/**
 * Status of one commitment, from its evidence and each item's match
 * probability (see match.ts: how likely the source carries out this very
 * commitment, not just its topic).
 *
 * | status          | when                                                                                   |
 * | --------------- | -------------------------------------------------------------------------------------- |
 * | `gerealiseerd`  | a decision that matches strongly ({@link REALISED_PROBABILITY}) at a final stage: definitive approval, ratified decree, implementing measure |
 * | `in-uitvoering` | a matching decision ({@link TRACE_PROBABILITY}) at a principled approval, a final stage that matches less strongly (partial delivery), or a decision of no known stage |
 * | `aangekondigd`  | the matching sources are only a vision note or communication, or parliamentary documents |
 * | `geen-spoor`    | no source matches this commitment                                                      |
 *
 * The decisive source is the furthest stage of the best-matching decision's
 * dossier: a principled approval that matched, followed by the ratified
 * decree, makes the decree decisive.
 *
 * Confidence. `hoog` only for the kind of status the development data shows
 * right most often: a final-stage decision that matches strongly, with no
 * parliamentary signal against it and no promise phrased as a negation
 * (measured: 87% right on the development sections, 73% cross-validated;
 * see README). Everything else is `laag`
 * and shown as "te controleren" with its candidate sources, so that a reader
 * knows what to check first.
 *
 * Problem signals of the parliamentary documents that match the commitment
 * stay visible separately (`problems`); a signal against a
 * realised status makes that status "betwist" (low confidence), since
 * parliament may know what the government's decisions do not say.
 *
 * `reason` is one Dutch line naming the decisive source with its date and a
 * citation placeholder `{{cite:<sourceKey>}}` that the renderer replaces by
 * the reference number.
 */
import type { DecisionStage } from '../dossiers/types.js';
import type { Commitment, CommitmentStatus, Confidence, Evidence, ProblemSignal, Source } from '../report/model.js';
import { formatDutchDate, truncateAtWord } from '../text/index.js';
import type { CommitmentSpan } from './commitments.js';
import { findProblemSignals } from './signals.js';

/** Dutch display labels. */
export const statusLabels: Record<CommitmentStatus, string> = {
  gerealiseerd: 'gerealiseerd',
  'in-uitvoering': 'in uitvoering',
  aangekondigd: 'aangekondigd',
  'geen-spoor': 'geen spoor',
};

/** One Dutch sentence per status, for a legend: what the status requires. */
export const statusDescriptions: Record<CommitmentStatus, string> = {
  gerealiseerd:
    'Een beslissing van de Vlaamse Regering voert dit engagement zelf uit: een definitief goedgekeurd ontwerp, een bekrachtigd decreet of een uitvoeringsmaatregel (besluit, subsidie, oproep, overeenkomst).',
  'in-uitvoering':
    'Er is een principiële goedkeuring, of een beslissing die het engagement maar voor een deel of onzeker dekt; de volledige uitvoering is niet gevonden.',
  aangekondigd:
    'Er is enkel een visienota, een mededeling of een parlementair document gevonden, nog geen beslissing die het engagement uitvoert.',
  'geen-spoor':
    'Er is geen beslissing of parlementair document gevonden dat dit engagement zelf uitvoert. Dat bewijst niet dat er niets gebeurde: beslissingen over hetzelfde onderwerp tellen niet mee.',
};

/** Dutch labels of the confidence levels; a low one reads as an instruction. */
export const confidenceLabels: Record<Confidence, string> = { hoog: 'sterk bewijs', laag: 'te controleren' };

/** A source with at least this match probability is a trace of the commitment. */
export const TRACE_PROBABILITY = 0.35;
/** A final-stage decision with at least this match probability realises the commitment. */
export const REALISED_PROBABILITY = 0.5;
/** Sources from this probability on are listed as candidates to check, even when they set no status. */
export const CANDIDATE_PROBABILITY = 0.2;

export const REALISED_STAGES: ReadonlySet<DecisionStage> = new Set<DecisionStage>([
  'definitieve-goedkeuring',
  'bekrachtiging',
  'uitvoering',
]);
export const UNDER_WAY_STAGES: ReadonlySet<DecisionStage> = new Set<DecisionStage>([
  'principiele-goedkeuring',
  'tweede-principiele-goedkeuring',
]);

/** The status a decision of this stage stands for on its own; null for a stage that says nothing about progress. */
export function stageStatus(stage: DecisionStage): CommitmentStatus | null {
  if (REALISED_STAGES.has(stage)) return 'gerealiseerd';
  if (UNDER_WAY_STAGES.has(stage)) return 'in-uitvoering';
  if (stage === 'visie' || stage === 'mededeling') return 'aangekondigd';
  return null;
}

/** Statuses from none to done, for comparing how far a commitment got. */
export const STATUS_PROGRESS: Record<CommitmentStatus, number> = { 'geen-spoor': 0, aangekondigd: 1, 'in-uitvoering': 2, gerealiseerd: 3 };

// How far along the decision process a stage is.
const STAGE_ORDER: Record<DecisionStage, number> = {
  overig: 0,
  mededeling: 1,
  visie: 2,
  'principiele-goedkeuring': 3,
  'tweede-principiele-goedkeuring': 4,
  'definitieve-goedkeuring': 5,
  bekrachtiging: 6,
  uitvoering: 7,
};

// Labels that open a reason line: "Definitieve goedkeuring op 5 maart 2021: ...".
const STAGE_REASON_LABELS: Record<DecisionStage, string> = {
  'principiele-goedkeuring': 'Principiële goedkeuring',
  'tweede-principiele-goedkeuring': 'Tweede principiële goedkeuring',
  'definitieve-goedkeuring': 'Definitieve goedkeuring',
  bekrachtiging: 'Bekrachtiging',
  uitvoering: 'Uitvoeringsbeslissing',
  visie: 'Visienota',
  mededeling: 'Mededeling',
  overig: 'Beslissing',
};

export const NO_EVIDENCE_REASON = 'Geen beslissing of parlementair document gevonden dat op dit engagement zelf ingaat.';

/** Longest title quoted in a reason line, in characters. */
const REASON_TITLE_MAX = 140;

/**
 * A promise not to do something ("... geen brede eerste graad wordt
 * uitgerold", "... niet langer ..."): a matching decision may be the very
 * thing promised not to happen, so its status is never sure.
 */
const NEGATIVE_PROMISE = /\b(?:geen|niet langer|niet meer|nooit)\b[^.;:]*\b(?:wordt|worden|komt|komen|voeren|voert|gaan|zal|zullen)\b|\b(?:wordt|worden|zal|zullen|gaan|komt)\b[^.;:]*\b(?:geen|niet langer|niet meer|nooit)\b/iu;

export function isNegativePromise(text: string): boolean {
  return NEGATIVE_PROMISE.test(text);
}

export interface AssessInput {
  commitment: CommitmentSpan;
  /** Sources found for the commitment; `score` is the match probability. */
  evidence: readonly Evidence[];
  sources: ReadonlyMap<string, Source>;
  /** Parliament documents by id, whose texts are scanned for problem signals. */
  parliament?: ReadonlyMap<string, { text: string }>;
}

export type Assessment = Pick<Commitment, 'status' | 'confidence' | 'confidenceReason' | 'reason' | 'decisiveSourceKey' | 'problems'>;

interface Candidate {
  evidence: Evidence;
  source: Source;
  rank: number;
}

/** Status, confidence, reason, decisive source and problem signals of one commitment (rules in the module comment). */
export function assessCommitment(input: AssessInput): Assessment {
  const known = knownEvidence(input.evidence, input.sources);
  const problems = problemSignals(known, input.parliament);
  const traced = known.filter((c) => c.evidence.score >= TRACE_PROBABILITY);
  if (traced.length === 0) return noTrace(known, problems);

  const bestDecision = traced.find((c) => c.source.type === 'decision');
  if (bestDecision === undefined) {
    return decided('aangekondigd', traced[0]!, problems, 'laag', 'Alleen een parlementair document gaat erop in; geen beslissing van de regering gevonden.');
  }
  const decisive = furthestOfDossier(bestDecision, known);
  const stage = stageOf(decisive.source);
  const probability = bestDecision.evidence.score;
  const negative = isNegativePromise(input.commitment.text);

  if (REALISED_STAGES.has(stage) && probability >= REALISED_PROBABILITY) {
    if (problems.length > 0) {
      return decided('gerealiseerd', decisive, problems, 'laag', 'Betwist: een parlementair document signaleert een probleem met de uitvoering.');
    }
    if (negative) return decided('gerealiseerd', decisive, problems, 'laag', 'Belofte om iets níet te doen: nagaan of de beslissing die belofte nakomt.');
    return decided('gerealiseerd', decisive, problems, 'hoog', 'Een beslissing in een eindfase gaat specifiek over dit engagement.');
  }
  if (REALISED_STAGES.has(stage)) {
    return decided('in-uitvoering', decisive, problems, 'laag', 'Een beslissing in een eindfase raakt het engagement, maar dekt het mogelijk maar gedeeltelijk.');
  }
  if (UNDER_WAY_STAGES.has(stage)) {
    return decided('in-uitvoering', decisive, problems, 'laag', 'Alleen een principiële goedkeuring gevonden: de definitieve beslissing kan later gevolgd zijn of ontbreken.');
  }
  if (stage === 'overig') {
    return decided('in-uitvoering', decisive, problems, 'laag', 'Een verwante beslissing waarvan het stadium niet te bepalen is: nagaan wat ze uitvoert.');
  }
  return decided('aangekondigd', decisive, problems, 'laag', 'Alleen een visienota, mededeling of andere beslissing zonder concrete maatregel gevonden.');
}

/** Candidates a language model is asked about per commitment (verify.ts): the best-matching ones. */
export const VERIFY_CANDIDATES = 5;

/** The candidates of a commitment the model is asked about, best match first. */
export function verificationCandidates(commitment: { evidence: readonly Evidence[] }): string[] {
  return [...commitment.evidence]
    .sort((a, b) => b.score - a.score)
    .slice(0, VERIFY_CANDIDATES)
    .map((e) => e.sourceKey);
}

/** How much a verdict says, strongest first; only these three carry a status. */
const VERDICT_STRENGTH: Record<string, number> = { 'voert-uit': 3, deels: 2, voorbereiding: 1 };

/**
 * The status from verified evidence only: the sources a language model judged
 * to carry out ("voert-uit"), partly carry out ("deels") or prepare
 * ("voorbereiding") this commitment (see verify.ts). The decisive source is
 * the strongest verdict, best match first, then the furthest stage of its
 * dossier among the verified sources.
 */
export function assessVerified(input: AssessInput, verdicts: ReadonlyMap<string, string>, model: string): Assessment {
  const known = knownEvidence(input.evidence, input.sources);
  const verified = known
    .filter((c) => (VERDICT_STRENGTH[verdicts.get(c.source.key) ?? ''] ?? 0) > 0)
    .sort((a, b) => VERDICT_STRENGTH[verdicts.get(b.source.key)!]! - VERDICT_STRENGTH[verdicts.get(a.source.key)!]! || a.rank - b.rank);
  // Verified documents speak about this commitment whatever their match score.
  const problems = problemSignals(verified, input.parliament, 0);
  const by = `Nagekeken door taalmodel ${model}`;
  if (verified.length === 0) {
    const judged = known.filter((c) => verdicts.has(c.source.key)).length;
    // Sure when every candidate the model was asked about (those of them still stored) was judged and rejected.
    const stored = new Set(known.map((c) => c.source.key));
    const asked = verificationCandidates({ evidence: input.evidence }).filter((key) => stored.has(key)).length;
    return {
      status: 'geen-spoor',
      confidence: judged > 0 && judged >= asked ? 'hoog' : 'laag',
      confidenceReason:
        judged > 0 ? `${by}: geen van de ${judged} kandidaat-bronnen voert dit engagement uit.` : `${by}: er waren geen kandidaat-bronnen om na te kijken.`,
      reason: NO_EVIDENCE_REASON,
      decisiveSourceKey: null,
      problems,
    };
  }
  const best = verified.find((c) => c.source.type === 'decision') ?? verified[0]!;
  const verdict = verdicts.get(best.source.key)!;
  if (best.source.type === 'parliament') {
    return decided('aangekondigd', best, problems, 'laag', `${by}: alleen een parlementair document gaat erop in.`);
  }
  const decisive = furthestOfDossier(best, verified);
  const stage = stageOf(decisive.source);
  const contested = problems.length > 0 || isNegativePromise(input.commitment.text);
  const confidence = (sure: boolean): Confidence => (sure && !contested ? 'hoog' : 'laag');
  if (verdict === 'voert-uit' && REALISED_STAGES.has(stage)) {
    return decided('gerealiseerd', decisive, problems, confidence(true), `${by}: deze beslissing voert het engagement uit.`);
  }
  if (verdict !== 'voorbereiding' && (REALISED_STAGES.has(stage) || UNDER_WAY_STAGES.has(stage) || stage === 'overig')) {
    const partial = verdict === 'deels' ? 'voert een deel van het engagement uit' : 'is een tussenstap';
    return decided('in-uitvoering', decisive, problems, confidence(stage !== 'overig'), `${by}: de beslissing ${partial}.`);
  }
  if (UNDER_WAY_STAGES.has(stage)) return decided('in-uitvoering', decisive, problems, 'laag', `${by}: de beslissing bereidt het engagement voor.`);
  return decided('aangekondigd', decisive, problems, 'laag', `${by}: er is alleen een aankondiging of voorbereiding.`);
}

function noTrace(known: readonly Candidate[], problems: ProblemSignal[]): Assessment {
  const candidates = known.filter((c) => c.evidence.score >= CANDIDATE_PROBABILITY).length;
  return {
    status: 'geen-spoor',
    confidence: 'laag',
    confidenceReason:
      candidates > 0
        ? `Wel ${candidates === 1 ? 'één bron' : `${candidates} bronnen`} over hetzelfde onderwerp om na te lezen.`
        : 'Ook geen bron over hetzelfde onderwerp; een beslissing in andere woorden kan de zoektocht ontgaan zijn.',
    reason: NO_EVIDENCE_REASON,
    decisiveSourceKey: null,
    problems,
  };
}

// Evidence whose source is known, best match first (stable, so the caller's order breaks ties).
function knownEvidence(evidence: readonly Evidence[], sources: ReadonlyMap<string, Source>): Candidate[] {
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const item of evidence) {
    const source = sources.get(item.sourceKey);
    if (source === undefined || seen.has(item.sourceKey)) continue;
    seen.add(item.sourceKey);
    candidates.push({ evidence: item, source, rank: candidates.length });
  }
  return candidates.sort((a, b) => b.evidence.score - a.evidence.score || a.rank - b.rank).map((c, rank) => ({ ...c, rank }));
}

// The furthest stage of the candidate's dossier among the evidence (later steps are added by the caller); then the latest.
function furthestOfDossier(best: Candidate, known: readonly Candidate[]): Candidate {
  const dossier = best.source.dossierId;
  if (dossier === undefined) return best;
  const steps = known.filter((c) => c.source.type === 'decision' && c.source.dossierId === dossier);
  return steps.reduce((furthest, c) => {
    const order = STAGE_ORDER[stageOf(c.source)] - STAGE_ORDER[stageOf(furthest.source)];
    if (order !== 0) return order > 0 ? c : furthest;
    return (c.source.date ?? '') > (furthest.source.date ?? '') ? c : furthest;
  }, best);
}

function stageOf(source: Source): DecisionStage {
  return source.stage ?? 'overig';
}

function decided(status: CommitmentStatus, decisive: Candidate, problems: ProblemSignal[], confidence: Confidence, confidenceReason: string): Assessment {
  return { status, confidence, confidenceReason, reason: reasonLine(decisive.source), decisiveSourceKey: decisive.source.key, problems };
}

/** "Definitieve goedkeuring op 5 maart 2021: <title> {{cite:<key>}}" */
export function reasonLine(source: Source): string {
  const label = source.type === 'decision' ? STAGE_REASON_LABELS[stageOf(source)] : 'Parlementair document';
  const date = source.date !== null ? formatDutchDate(source.date) : null;
  const when = date !== null ? (source.type === 'decision' ? `op ${date}` : `van ${date}`) : 'zonder gekende datum';
  return `${label} ${when}: ${truncateAtWord(source.title, REASON_TITLE_MAX, ' …')} {{cite:${source.key}}}`;
}

// Problem signals of the parliamentary documents that match the commitment, best match first.
function problemSignals(known: readonly Candidate[], documents: ReadonlyMap<string, { text: string }> | undefined, minimum = TRACE_PROBABILITY): ProblemSignal[] {
  if (documents === undefined) return [];
  const problems: ProblemSignal[] = [];
  for (const { source, evidence } of known) {
    // A same-topic candidate is not about this commitment: its complaints are not either.
    if (source.type !== 'parliament' || evidence.score < minimum) continue;
    const text = documents.get(source.key)?.text;
    if (text === undefined) continue;
    for (const quote of findProblemSignals(text)) problems.push({ sourceKey: source.key, quote });
  }
  return problems;
}
