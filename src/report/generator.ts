// Generators write the prose of a report from its evidence. The evidence,
// statuses and sources are decided before a generator runs; a generator may
// only cite sources it was given.
import type { Dossier } from '../dossiers/types.js';
import type { Commitment, ReportSection, SectionReport, Source } from './model.js';

export interface GeneratorInput {
  section: SectionReport['section'];
  commitments: Commitment[];
  /** Every source the generator may cite, by key. */
  sources: Record<string, Source>;
  dossiers: Dossier[];
}

export interface GeneratedProse {
  title: string;
  body: ReportSection[];
  generator: SectionReport['generator'];
}

export interface Generator {
  readonly name: 'extractive' | 'llm';
  generate(input: GeneratorInput): Promise<GeneratedProse>;
}

/** A question answered from retrieved evidence ("wat deed de regering rond LIVC-R?"). */
export interface AnswerInput {
  question: string;
  /** The sources retrieved for the question, best first; the answer may cite only these. */
  sources: Source[];
}

export interface Answer {
  /** Paragraphs of claims; empty when nothing relevant was found. */
  paragraphs: ReportSection['paragraphs'];
  /** True when no relevant evidence was found: the answer says so and cites nothing. */
  noEvidence: boolean;
  generator: SectionReport['generator'];
}

export interface Answerer {
  readonly name: 'extractive' | 'llm';
  answer(input: AnswerInput): Promise<Answer>;
}
