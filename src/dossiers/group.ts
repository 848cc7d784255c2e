// Groups decisions that are stages of one dossier.
//
// Two decisions are linked when (1) their stages follow each other in the
// order a file moves through (voorontwerp -> tweede principiële ->
// definitieve -> bekrachtiging -> uitvoering), (2) their titles, with the
// stage words removed, say the same thing, (3) they are close in time and
// (4) the same minister proposes them. Links are merged greedily, strongest
// first, and a merge is refused when the merged dossier would break the
// stage order: two first approvals, two ratifications or two decisions of one
// meeting never share a dossier. Merging two different files is worse than
// missing a merge, so every rule leans towards leaving decisions apart.
//
// Titles are compared as sets of content terms (titles.ts: folded, stage
// words removed, stemmed), weighted by rarity (idf over all decisions), with
// weighted Jaccard. Two titles are compared: the display title (`title`) and
// the formal title (`shortTitle`, the act's legal name). Thresholds, each from
// real pairs in the 2019-2024 decisions (pinned in group.test.ts):
// - Formal titles repeat verbatim across stages once "Voorontwerp van
//   decreet", "Ontwerpdecreet", "Bekrachtiging en afkondiging van het decreet"
//   are removed (LIVC: 1.0). Two files that share a subject but not an act
//   score lower: "Fusie ... Departement Zorg" (a founding order vs an order
//   amending others) 0.18; "COVID-19: steun sportsector" (a grant vs the rules
//   for later grants) 0.63. Hence FORMAL_MIN 0.7, with display titles at
//   least TITLE_WITH_FORMAL_MIN 0.3 alike: they get reworded between stages
//   ("Lokale integrale veiligheidscellen ... (LIVC): regeling modaliteiten
//   deelname" vs "Vlaamse deelname aan lokale integrale veiligheidscellen
//   ...: machtigingsdecreet").
// - A formal title may grow during the process ("... wat betreft de
//   aanvraagprocedures voor erfgoedpremies" -> "... voor toelatingen,
//   beheersovereenkomsten, erfgoedpremies, ..."): identical display titles
//   (>= SAME_TITLE_MIN 0.95) then need formal titles >= 0.55 alike. An order
//   and the order amending others after it ("Oprichting Agentschap Justitie
//   en Handhaving" and "...: wijzigingsbesluiten") score 0.51 and stay apart.
// - Long, specific formal titles that coincide (>= 0.9, shared weight >= 40,
//   several rare terms) link whatever the display titles say ("Wijziging
//   Mediadecreet: omzetting Europese Richtlijnen ..." and "Richtlijn
//   aanbieden audiovisuele mediadiensten: wijzigingsdecreet").
// - Without formal titles on both sides the display titles must nearly
//   coincide (TITLE_ALONE_MIN 0.8) and share rare words (weight >= 12: a
//   generic "Wijziging Onroerenderfgoedbesluit" never links on its own). A
//   display title without content ("Plan Vlaamse Veerkracht: dossier 99")
//   leaves the decision to formal titles >= 0.9.
// - A decree and an order never share a dossier, even when an implementing
//   order carries the decree's name ("Uitvoeringsbesluit premie kwalificerend
//   werkplekleren" vs "Voorontwerp van decreet over de premie kwalificerend
//   werkplekleren").
// - Time: consecutive steps at most 420 days apart (largest gap between
//   steps with identical titles: 399 days, first to second principled
//   approval of the digital water meter decree), a whole file at most three
//   years.
// - Mandatees: when both decisions name proposing ministers, they share one.
//   Ratifications name none and are matched on titles alone.

import type { Decision } from '../model/documents.js';
import { classifyStage, stageLabel, stageRank } from './stage.js';
import { actForm, decisionDisplayTitle, isPlaceholderTitle, titleTerms, type ActForm } from './titles.js';
import type { DecisionStage, Dossier, DossierStep } from './types.js';

const FORMAL_MIN = 0.7;
const TITLE_WITH_FORMAL_MIN = 0.3;
const TITLE_ALONE_MIN = 0.8;
const FORMAL_ALONE_MIN = 0.9;
const SAME_TITLE_MIN = 0.95;
const FORMAL_WITH_SAME_TITLE_MIN = 0.55;
const FORMAL_ALONE_MIN_WEIGHT = 40;
const TITLE_ALONE_MIN_WEIGHT = 12;
const MAX_STEP_GAP_DAYS = 420;
const MAX_SPAN_DAYS = 3 * 366;
// Blocking: candidate pairs share at least one term used by at most this many
// of the decisions that can join a dossier. Checked against all pairs on the
// bundled decisions: at 120 no link is lost (at 25, 14 of 1,031 were), and
// words used more often ("onderwijs", "subsidie") never make a link alone.
const MAX_BLOCKING_DOCUMENT_FREQUENCY = 120;

// Position of each stage on a file's path. Stages without a position
// (mededeling, overig) never join a dossier: they report on, or are
// unrelated to, a file's progress, and recur with identical titles.
const PATH_POSITION: Readonly<Partial<Record<DecisionStage, number>>> = {
  visie: 1,
  'principiele-goedkeuring': 2,
  'tweede-principiele-goedkeuring': 3,
  'definitieve-goedkeuring': 4,
  bekrachtiging: 5,
  uitvoering: 6,
};

/** What the grouping needs to know about one decision, computed once. */
interface Prepared {
  decision: Decision;
  index: number;
  day: number;
  stage: DecisionStage;
  position: number | undefined;
  form: ActForm | null;
  title: ReadonlySet<string>;
  formal: ReadonlySet<string> | null;
  mandatees: ReadonlySet<string>;
}

const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function prepare(decisions: readonly Decision[]): Prepared[] {
  return decisions.map((decision, index) => {
    const stage = classifyStage(decision);
    const formalTerms = decision.shortTitle ? titleTerms(decision.shortTitle) : [];
    return {
      decision,
      index,
      day: dayNumber(decision.meetingDate),
      stage,
      position: PATH_POSITION[stage],
      form: actForm(decision.shortTitle),
      // "Plan Vlaamse Veerkracht: dossier 99" says nothing; the formal title must speak.
      title: new Set(isPlaceholderTitle(decision.title) ? [] : titleTerms(decision.title)),
      formal: formalTerms.length > 0 ? new Set(formalTerms) : null,
      // Names, not ids: some records carry a mandatee id and others only the name.
      mandatees: new Set(decision.mandatees.map((mandatee) => mandatee.name.toLowerCase().replace(/\s+/g, ' ').trim())),
    };
  });
}

/** Inverse document frequency of every term, over decisions (title and formal title together). */
function termWeights(prepared: readonly Prepared[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const item of prepared) {
    for (const term of termsOf(item)) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const weights = new Map<string, number>();
  for (const [term, count] of df) weights.set(term, Math.log((prepared.length + 1) / count));
  return weights;
}

function termsOf(item: Prepared): Set<string> {
  return new Set([...item.title, ...(item.formal ?? [])]);
}

/** Weighted Jaccard of two term sets, and the weight of the terms they share. */
function weightedJaccard(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  weights: ReadonlyMap<string, number>,
): { similarity: number; shared: number } {
  let shared = 0;
  let total = 0;
  for (const term of a) {
    const weight = weights.get(term) ?? 0;
    total += weight;
    if (b.has(term)) shared += weight;
  }
  for (const term of b) total += weights.get(term) ?? 0;
  const union = total - shared;
  return { similarity: union > 0 ? shared / union : 0, shared };
}

/** How alike two decisions' titles are. */
export interface TitleSimilarity {
  /** Weighted Jaccard of the display titles' content terms. */
  title: number;
  /** Weighted Jaccard of the formal titles' content terms; null unless both have one. */
  formal: number | null;
  /** Summed weight of the display-title terms both share. */
  sharedTitleWeight: number;
  /** Summed weight of the formal-title terms both share (0 unless both have one). */
  sharedFormalWeight: number;
  /** False when either display title has no content terms ("Plan Vlaamse Veerkracht: dossier 99"). */
  titlesInformative: boolean;
}

function similarity(a: Prepared, b: Prepared, weights: ReadonlyMap<string, number>): TitleSimilarity {
  const title = weightedJaccard(a.title, b.title, weights);
  const formal = a.formal && b.formal ? weightedJaccard(a.formal, b.formal, weights) : null;
  return {
    title: title.similarity,
    formal: formal?.similarity ?? null,
    sharedTitleWeight: title.shared,
    sharedFormalWeight: formal?.shared ?? 0,
    titlesInformative: a.title.size > 0 && b.title.size > 0,
  };
}

/** True when the titles say the same thing; see the module comment for the thresholds. */
function titlesAgree(score: TitleSimilarity): boolean {
  if (score.formal !== null) {
    // Nothing to compare in the display titles: the formal titles must nearly coincide.
    if (!score.titlesInformative) return score.formal >= FORMAL_ALONE_MIN;
    if (score.formal >= FORMAL_ALONE_MIN && score.sharedFormalWeight >= FORMAL_ALONE_MIN_WEIGHT) return true;
    if (score.title >= SAME_TITLE_MIN && score.formal >= FORMAL_WITH_SAME_TITLE_MIN) return true;
    return score.formal >= FORMAL_MIN && score.title >= TITLE_WITH_FORMAL_MIN;
  }
  return score.title >= TITLE_ALONE_MIN && score.sharedTitleWeight >= TITLE_ALONE_MIN_WEIGHT;
}

/** Stage order between an earlier and a later decision: forward only; repeated second approvals allowed. */
function followsOn(earlier: Prepared, later: Prepared): boolean {
  if (earlier.position === undefined || later.position === undefined) return false;
  if (earlier.position === later.position) return earlier.stage === 'tweede-principiele-goedkeuring';
  if (earlier.stage === 'visie' && later.stage === 'uitvoering') return false;
  return later.position > earlier.position;
}

function shareMandatee(a: Prepared, b: Prepared): boolean {
  if (a.mandatees.size === 0 || b.mandatees.size === 0) return true;
  for (const mandatee of a.mandatees) if (b.mandatees.has(mandatee)) return true;
  return false;
}

/** The pair may be two stages of one file, whatever their titles say. */
function compatible(a: Prepared, b: Prepared): boolean {
  if (a.day === b.day || Math.abs(a.day - b.day) > MAX_STEP_GAP_DAYS) return false;
  const [earlier, later] = a.day < b.day ? [a, b] : [b, a];
  if (!followsOn(earlier, later)) return false;
  if (a.form !== null && b.form !== null && a.form !== b.form) return false;
  return shareMandatee(a, b);
}

interface Link {
  a: number;
  b: number;
  strength: number;
  /** Decision ids, "earlier|later" by id order: the tie-break that does not depend on input order. */
  key: string;
}

/** Linked pairs, found among decisions that share a rare term (blocking), strongest first. */
function findLinks(prepared: readonly Prepared[], weights: ReadonlyMap<string, number>): Link[] {
  const postings = new Map<string, number[]>();
  for (const item of prepared) {
    if (item.position === undefined) continue;
    for (const term of termsOf(item)) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(item.index);
    }
  }
  const seen = new Set<number>();
  const links: Link[] = [];
  const n = prepared.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > MAX_BLOCKING_DOCUMENT_FREQUENCY) continue;
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const key = list[i]! * n + list[j]!;
        if (seen.has(key)) continue;
        seen.add(key);
        const a = prepared[list[i]!]!;
        const b = prepared[list[j]!]!;
        if (!compatible(a, b)) continue;
        const score = similarity(a, b, weights);
        if (!titlesAgree(score)) continue;
        // Closer in time breaks near-ties: of two first approvals with the same
        // title, the one a few months before the final approval is its start.
        const gapYears = Math.abs(a.day - b.day) / 365;
        const strength = (score.formal === null ? score.title : (score.title + score.formal) / 2) - 0.05 * gapYears;
        const ids = [a.decision.id, b.decision.id].sort();
        links.push({ a: a.index, b: b.index, strength, key: `${ids[0]}|${ids[1]}` });
      }
    }
  }
  // Strongest first; ties by decision ids, so neither input nor map order matters.
  return links.sort((x, y) => y.strength - x.strength || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

/** A merged group keeps its steps in date order and checks the file-level constraints. */
function canMerge(members: readonly Prepared[]): boolean {
  const sorted = [...members].sort((x, y) => x.day - y.day);
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (last.day - first.day > MAX_SPAN_DAYS) return false;
  for (let i = 1; i < sorted.length; i++) {
    const earlier = sorted[i - 1]!;
    const later = sorted[i]!;
    if (later.day === earlier.day || later.day - earlier.day > MAX_STEP_GAP_DAYS) return false;
    if (!followsOn(earlier, later)) return false;
  }
  const forms = new Set(members.map((member) => member.form).filter((form) => form !== null));
  return forms.size <= 1;
}

function cluster(prepared: readonly Prepared[], links: readonly Link[]): Prepared[][] {
  const groupOf = prepared.map((_, index) => index);
  const members = new Map<number, Prepared[]>(prepared.map((item) => [item.index, [item]]));
  for (const link of links) {
    const ga = groupOf[link.a]!;
    const gb = groupOf[link.b]!;
    if (ga === gb) continue;
    const merged = [...members.get(ga)!, ...members.get(gb)!];
    if (!canMerge(merged)) continue;
    members.set(ga, merged);
    members.delete(gb);
    for (const member of merged) groupOf[member.index] = ga;
  }
  return [...members.values()];
}

/**
 * The dossier's display title, stage words removed: the one most of its
 * steps carry, then the one whose words the other steps share most, then the
 * latest (titles get clearer as a file matures).
 */
function dossierTitle(members: readonly Prepared[], weights: ReadonlyMap<string, number>): string {
  const candidates = new Map<string, { count: number; shared: number; order: number }>();
  members.forEach((member, order) => {
    // A placeholder ("Plan Vlaamse Veerkracht: dossier 99") competes only when nothing else is there.
    if (member.title.size === 0 && members.some((other) => other.title.size > 0)) return;
    const title = decisionDisplayTitle(member.decision.title, member.decision.shortTitle);
    let shared = 0;
    for (const term of member.title) {
      const sharedBy = members.filter((other) => other !== member && other.title.has(term)).length;
      shared += (weights.get(term) ?? 0) * sharedBy;
    }
    const known = candidates.get(title);
    if (known) {
      known.count++;
      known.shared = Math.max(known.shared, shared);
      known.order = order;
    } else {
      candidates.set(title, { count: 1, shared, order });
    }
  });
  let best: [string, { count: number; shared: number; order: number }] | null = null;
  for (const entry of candidates) {
    const [, score] = entry;
    if (
      best === null ||
      score.count > best[1].count ||
      (score.count === best[1].count && (score.shared > best[1].shared || (score.shared === best[1].shared && score.order > best[1].order)))
    ) {
      best = entry;
    }
  }
  return best![0];
}

function toDossier(members: readonly Prepared[], weights: ReadonlyMap<string, number>): Dossier {
  const sorted = [...members].sort((x, y) => x.day - y.day || x.index - y.index);
  const steps: DossierStep[] = sorted.map((member) => ({
    decisionId: member.decision.id,
    date: member.decision.meetingDate,
    stage: member.stage,
    stageLabel: stageLabel(member.stage),
  }));
  let furthest = steps[0]!;
  for (const step of steps) if (stageRank(step.stage) >= stageRank(furthest.stage)) furthest = step;
  return {
    id: steps[0]!.decisionId,
    title: dossierTitle(sorted, weights),
    steps,
    firstDate: steps[0]!.date,
    lastDate: steps[steps.length - 1]!.date,
    furthestStage: furthest.stage,
  };
}

/**
 * Groups decisions into dossiers: every decision is in exactly one dossier,
 * a dossier of one step when nothing links it. Dossiers are sorted by first
 * date, then id; steps are chronological.
 */
export function groupDossiers(decisions: readonly Decision[]): Dossier[] {
  const prepared = prepare(decisions);
  const weights = termWeights(prepared);
  const groups = cluster(prepared, findLinks(prepared, weights));
  const dossiers = groups.map((members) => toDossier(members, weights));
  return dossiers.sort((x, y) => x.firstDate.localeCompare(y.firstDate) || x.id.localeCompare(y.id));
}

/** Every decision id of the dossiers mapped to its dossier. */
export function dossierIndex(dossiers: readonly Dossier[]): Map<string, Dossier> {
  const index = new Map<string, Dossier>();
  for (const dossier of dossiers) for (const step of dossier.steps) index.set(step.decisionId, dossier);
  return index;
}

/** The grouping's building blocks, for tests and threshold tuning. */
export const groupingInternals = { prepare, termWeights, similarity, compatible, titlesAgree };
