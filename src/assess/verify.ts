// Optional verification of evidence by a language model: for one commitment,
// the model reads its candidate sources (title, date, stage, opening) and says
// of each whether it carries out this very commitment, part of it, prepares
// it, or only shares its topic. The verdicts are stored per (commitment text,
// source), so a re-ingest that leaves the sentence as it was keeps them, and
// the status is then set from verified evidence only (status.ts,
// assessVerified). Offline assessment stays the default.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { stageLabel } from '../dossiers/stage.js';
import type { Commitment, Source } from '../report/model.js';
import type { ChatMessage, LlmClient } from '../report/llm/client.js';
import { extractJson } from '../report/llm/parse.js';
import type { StoredVerdict } from '../store/store.js';
import { collapseWhitespace, foldForMatching, formatDutchDate, truncateAtWord } from '../text/index.js';
import { assessVerified } from './status.js';

// Which candidates are asked about is a status rule (assessVerified trusts a rejection only when all were asked).
export { VERIFY_CANDIDATES, verificationCandidates } from './status.js';

/** What a source is to a commitment, from strongest to none. */
export const VERDICTS = ['voert-uit', 'deels', 'voorbereiding', 'onderwerp', 'niet-relevant'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The words the model is asked to answer with, and what each means (Dutch, as in the prompt). */
const VERDICT_WORDS: Record<Verdict, { word: string; meaning: string }> = {
  'voert-uit': { word: 'voert uit', meaning: 'de bron voert precies dit engagement uit, of is de eindbeslissing erover' },
  deels: { word: 'deels', meaning: 'de bron voert een deel van het engagement uit' },
  voorbereiding: { word: 'voorbereiding', meaning: 'de bron bereidt het engagement voor of kondigt het aan (voorontwerp, visienota, mededeling, parlementaire vraag)' },
  onderwerp: { word: 'zelfde onderwerp', meaning: 'de bron gaat over hetzelfde beleidsdomein, maar niet over dit engagement' },
  'niet-relevant': { word: 'niet relevant', meaning: 'de bron heeft er niets mee te maken' },
};

const SNIPPET_CHARS = 400;

/** The key a verdict is stored under: the commitment's text, whitespace collapsed. */
export function commitmentHash(text: string): string {
  return createHash('sha256').update(collapseWhitespace(text)).digest('hex');
}

export function buildVerifyMessages(commitment: { text: string }, topic: string, sources: readonly Source[]): ChatMessage[] {
  const listed = sources.map((source, i) => {
    const what = source.type === 'decision' ? (source.stage ? stageLabel(source.stage) : 'beslissing') : 'parlementair document';
    const when = source.date ? formatDutchDate(source.date) : 'zonder datum';
    const snippet = truncateAtWord(source.snippet, SNIPPET_CHARS);
    return `[${i + 1}] ${when} · ${what} · ${collapseWhitespace(source.title)}${snippet ? `\n    ${snippet}` : ''}`;
  });
  const scale = VERDICTS.map((v) => `- "${VERDICT_WORDS[v].word}": ${VERDICT_WORDS[v].meaning}`).join('\n');
  return [
    {
      role: 'system',
      content:
        'Je controleert voor een nieuwsredactie of beslissingen van de Vlaamse Regering en parlementaire documenten een concreet engagement uit het regeerakkoord uitvoeren. ' +
        'Je oordeelt streng: een beslissing over hetzelfde onderwerp voert het engagement niet uit. Je antwoordt alleen met JSON.',
    },
    {
      role: 'user',
      content: [
        `Engagement uit het regeerakkoord (${collapseWhitespace(topic)}):`,
        `"${collapseWhitespace(commitment.text)}"`,
        '',
        'Bronnen:',
        ...listed,
        '',
        'Geef voor elke bron één oordeel:',
        scale,
        '',
        'Antwoord als {"oordelen": [{"bron": 1, "oordeel": "..."}, ...]}, met één oordeel per bron.',
      ].join('\n'),
    },
  ];
}

const answerSchema = z.object({
  oordelen: z.array(z.object({ bron: z.union([z.number(), z.string()]), oordeel: z.string() })),
});

// A verdict word as the model may spell it: accents, case, hyphens and spacing ignored.
const normalise = (word: string) => foldForMatching(word).replace(/[^a-z]+/g, ' ').trim();
const VERDICT_BY_WORD = new Map<string, Verdict>(VERDICTS.flatMap((v) => [[normalise(VERDICT_WORDS[v].word), v], [normalise(v), v]]));

/**
 * Verdicts by source key from the model's answer. Lenient about form (code
 * fences, "[2]" as a number, accents and case), strict about substance: an
 * unknown verdict or a source number that was not asked about is ignored, so
 * those sources stay unverified.
 */
export function parseVerdicts(content: string, sourceKeys: readonly string[]): Map<string, Verdict> | null {
  const json = extractJson(content);
  if (!json.ok) return null;
  const parsed = answerSchema.safeParse(json.value);
  if (!parsed.success) return null;
  const verdicts = new Map<string, Verdict>();
  for (const { bron, oordeel } of parsed.data.oordelen) {
    const n = Number(String(bron).replace(/[^\d]/g, ''));
    const key = Number.isInteger(n) ? sourceKeys[n - 1] : undefined;
    const verdict = VERDICT_BY_WORD.get(normalise(oordeel));
    if (key !== undefined && verdict !== undefined && !verdicts.has(key)) verdicts.set(key, verdict);
  }
  return verdicts;
}

export interface VerifyOutcome {
  verdicts: StoredVerdict[];
  /** Chat requests made, retries after an unusable answer included. */
  requests: number;
  /** The answer was unusable even after a retry: the commitment stays unverified. */
  failed: boolean;
}

/** Asks the model about one commitment's candidates; one retry when the answer cannot be read. */
export async function verifyCommitment(client: LlmClient, commitment: { text: string }, topic: string, sources: readonly Source[]): Promise<VerifyOutcome> {
  const keys = sources.map((s) => s.key);
  const messages = buildVerifyMessages(commitment, topic, sources);
  let requests = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    requests++;
    const content = await client.chat(
      attempt === 0 ? messages : [...messages, { role: 'user', content: 'Je antwoord was geen bruikbare JSON. Antwoord alleen met {"oordelen": [{"bron": 1, "oordeel": "..."}]}.' }],
      { json: true },
    );
    const verdicts = parseVerdicts(content, keys);
    if (verdicts && verdicts.size > 0) {
      const verifiedAt = new Date().toISOString();
      const hash = commitmentHash(commitment.text);
      return {
        verdicts: [...verdicts].map(([sourceKey, verdict]) => ({ commitmentHash: hash, sourceKey, model: client.model, verdict, verifiedAt })),
        requests,
        failed: false,
      };
    }
  }
  return { verdicts: [], requests, failed: true };
}

/** Stored verdicts by commitment hash, then source key. */
export type VerdictIndex = ReadonlyMap<string, ReadonlyMap<string, { verdict: Verdict; model: string }>>;

export function indexVerdicts(stored: readonly StoredVerdict[]): VerdictIndex {
  const index = new Map<string, Map<string, { verdict: Verdict; model: string }>>();
  for (const v of stored) {
    if (!(VERDICTS as readonly string[]).includes(v.verdict)) continue;
    let perSource = index.get(v.commitmentHash);
    if (!perSource) index.set(v.commitmentHash, (perSource = new Map()));
    perSource.set(v.sourceKey, { verdict: v.verdict as Verdict, model: v.model });
  }
  return index;
}

/**
 * The stored assessments with every commitment that has verdicts re-assessed
 * from its verified evidence (status.ts, assessVerified), marked with the
 * model. Applied when the assessments are loaded, so every view shows the
 * verified status; commitments without verdicts are returned as they were.
 */
export async function applyVerdicts(
  assessments: ReadonlyMap<string, readonly Commitment[]>,
  verdicts: VerdictIndex,
  sourcesOf: (keys: readonly string[]) => Promise<ReadonlyMap<string, Source>>,
  parliament: ReadonlyMap<string, { text: string }>,
): Promise<Map<string, Commitment[]>> {
  // The verdicts that bear on each commitment's evidence, found (and its text hashed) once.
  const verified = new Map<Commitment, NonNullable<ReturnType<VerdictIndex['get']>>>();
  const keys = new Set<string>();
  for (const commitments of assessments.values()) {
    for (const c of commitments) {
      const perSource = verdicts.get(commitmentHash(c.text));
      if (!perSource || !c.evidence.some((e) => perSource.has(e.sourceKey))) continue;
      verified.set(c, perSource);
      for (const e of c.evidence) keys.add(e.sourceKey);
    }
  }
  const sources = keys.size ? await sourcesOf([...keys]) : new Map<string, Source>();
  const out = new Map<string, Commitment[]>();
  for (const [sectionId, commitments] of assessments) {
    out.set(
      sectionId,
      commitments.map((c) => {
        const perSource = verified.get(c);
        if (!perSource) return c;
        const byKey = new Map([...perSource].map(([key, v]) => [key, v.verdict]));
        const model = [...perSource.values()][0]!.model;
        return { ...c, ...assessVerified({ commitment: c, evidence: c.evidence, sources, parliament }, byKey, model), verifiedBy: model };
      }),
    );
  }
  return out;
}
