// The optional LLM generator and answerer. The model writes prose from
// numbered evidence; every answer is parsed and repaired so that it can only
// cite the sources it was given. When the model cannot deliver (endpoint down,
// bad key, unusable answers after all retries) the extractive generator takes
// over and the result says so.
import { errorMessage } from '../../errors.js';
import type { Answer, AnswerInput, Answerer, GeneratedProse, Generator, GeneratorInput } from '../generator.js';
import type { Claim, Source } from '../model.js';
import { type ChatMessage, type LlmClient, LlmRequestError, createLlmClient } from './client.js';
import type { LlmConfig } from './config.js';
import { type Parsed, describeRepairs, hasRepairs, parseQuestionAnswer, parseReportAnswer } from './parse.js';
import {
  type AttemptProblemKind,
  type NumberedSource,
  buildAnswerMessages,
  buildReportMessages,
  numberAnswerEvidence,
  numberReportEvidence,
  reminderMessage,
} from './prompt.js';

export interface LlmGeneratorOptions {
  /** Share one client (and so one concurrency limit) between a generator and an answerer. */
  client?: LlmClient;
  /** Where warnings go (fallbacks, repaired answers); default: stderr. */
  warn?: (message: string) => void;
}

const defaultWarn = (message: string): void => {
  process.stderr.write(`${message}\n`);
};

export function createLlmGenerator(config: LlmConfig, fallback: Generator, options: LlmGeneratorOptions = {}): Generator {
  const client = options.client ?? createLlmClient(config);
  const warn = options.warn ?? defaultWarn;
  return {
    name: 'llm',
    async generate(input: GeneratorInput): Promise<GeneratedProse> {
      const evidence = numberReportEvidence(input.sources);
      const outcome = await askUntilUsable(client, buildReportMessages(input, evidence), evidence, parseReportAnswer);
      if (outcome.ok) {
        const { value, repairs } = outcome.parsed;
        assertCitesOnly(value.body.flatMap((section) => section.paragraphs), input.sources);
        if (hasRepairs(repairs)) warn(`LLM report for ${input.section.id}: answer repaired: ${describeRepairs(repairs)}`);
        return {
          title: value.title ?? defaultTitle(input.section.title),
          body: value.body,
          generator: { name: 'llm', model: client.model },
        };
      }
      warn(`LLM report for ${input.section.id} failed (${outcome.reason}); using the extractive generator instead`);
      const prose = await fallback.generate(input);
      return { ...prose, generator: { name: 'extractive', fellBackToExtractive: true } };
    },
  };
}

export function createLlmAnswerer(config: LlmConfig, fallback: Answerer, options: LlmGeneratorOptions = {}): Answerer {
  const client = options.client ?? createLlmClient(config);
  const warn = options.warn ?? defaultWarn;
  return {
    name: 'llm',
    async answer(input: AnswerInput): Promise<Answer> {
      const evidence = numberAnswerEvidence(input.sources);
      // Nothing retrieved: there is nothing the model could cite, so do not ask it.
      if (evidence.length === 0) return { paragraphs: [], noEvidence: true, generator: { name: 'llm', model: client.model } };
      const outcome = await askUntilUsable(client, buildAnswerMessages(input, evidence), evidence, parseQuestionAnswer);
      if (outcome.ok) {
        const { value, repairs } = outcome.parsed;
        const allowed = Object.fromEntries(evidence.map((item) => [item.source.key, item.source]));
        assertCitesOnly(value.paragraphs, allowed);
        if (hasRepairs(repairs)) warn(`LLM answer repaired: ${describeRepairs(repairs)}`);
        return { ...value, generator: { name: 'llm', model: client.model } };
      }
      warn(`LLM answer failed (${outcome.reason}); using the extractive answerer instead`);
      const answer = await fallback.answer(input);
      return { ...answer, generator: { name: 'extractive', fellBackToExtractive: true } };
    },
  };
}

type Outcome<T> = { ok: true; parsed: Extract<Parsed<T>, { ok: true }> } | { ok: false; reason: string };

/**
 * Asks, and asks again with a stricter reminder while the answer is unusable,
 * within the same retry budget as transport failures. A transport failure
 * that survived the client's own retries, or a refusal (401, 404, ...), ends
 * the attempt at once: asking again would not help.
 */
async function askUntilUsable<T>(
  client: LlmClient,
  messages: ChatMessage[],
  evidence: NumberedSource[],
  parse: (content: string, evidence: NumberedSource[]) => Parsed<T>,
): Promise<Outcome<T>> {
  let problem: { kind: AttemptProblemKind; detail: string } | null = null;
  const attempts = client.maxRetries + 1;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const prompt = problem ? [...messages, reminderMessage(problem.kind, evidence.length)] : messages;
    let content: string;
    try {
      content = await client.chat(prompt, { json: true });
    } catch (error) {
      if (error instanceof LlmRequestError && error.kind === 'aborted') throw error;
      if (error instanceof LlmRequestError && error.isContentFailure) {
        problem = { kind: error.kind as AttemptProblemKind, detail: error.message };
        continue;
      }
      return { ok: false, reason: errorMessage(error) };
    }
    const parsed = parse(content, evidence);
    if (parsed.ok) return { ok: true, parsed };
    problem = { kind: parsed.problem, detail: parsed.detail };
  }
  return { ok: false, reason: `no usable answer after ${attempts} attempt(s); last: ${problem?.detail ?? 'unknown'}` };
}

/** The parser only maps numbers of given evidence to keys; this guards that invariant against future edits. */
function assertCitesOnly(paragraphs: Claim[][], sources: Record<string, Source>): void {
  for (const claim of paragraphs.flat()) {
    for (const key of claim.citations) {
      if (!Object.hasOwn(sources, key)) throw new Error(`internal error: LLM output cites unknown source ${key}`);
    }
  }
}

function defaultTitle(sectionTitle: string): string {
  return `Voortgangsrapportage naleving regeerakkoord: ${sectionTitle}`;
}
