#!/usr/bin/env node
// Fits the evidence match model (src/assess/match-model.ts) on a gold status
// file and reports cross-validated figures, so that the figures in the README
// come from sections the model did not see.
//
//   npm run build && node scripts/calibrate-status.mjs [GOLD] [--db PATH] [--folds 4] [--write]
//
// Training examples: for every checkable gold commitment, its match candidates
// (src/assess/match.ts); a candidate is positive when the assessor names it as
// decisive. Folds split by section (sorted ids, every k-th), never by sentence.
// --write stores the model fitted on all sections in src/assess/match-model.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const dist = new URL('../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);
const { openSqliteStore } = await load('store/sqlite.js');
const { loadSearch } = await load('search/persisted.js');
const { loadDossiers } = await load('dossiers/persisted.js');
const { assessmentCorpus } = await load('assess/persisted.js');
const { assessOwnSection } = await load('assess/section.js');
const { matchCandidates, sectionRanks, MATCH_FEATURES } = await load('assess/match.js');
const { fitLogistic, predictProbability } = await load('assess/logistic.js');
const { loadStatusGold, scoreStatuses, toProjectCommitment } = await load('assess/eval-status.js');
const { sectionWithDescendants } = await load('sources/agreement/index.js');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { db: { type: 'string', default: '.beloftemeter/index.db' }, agreement: { type: 'string' }, folds: { type: 'string', default: '4' }, write: { type: 'boolean', default: false } },
});
const goldPath = positionals[0] ?? '../shared/eval/status-dev.json';
const gold = loadStatusGold(goldPath);
const store = await openSqliteStore(values.db, { readonly: true });
const { resolveAgreement } = await load('store/agreements.js');
// Section ids recur across agreements: the gold file is about one of them (the default, or --agreement).
const agreement = await resolveAgreement(store, values.agreement);
const [search, sections, decisions, parliament, { dossiers }] = await Promise.all([
  loadSearch(store), store.sections(agreement ?? undefined), store.decisions(), store.parliamentDocuments(), loadDossiers(store),
]);
const corpus = assessmentCorpus(search, { sections, decisions, parliament }, dossiers);
const zero = { features: MATCH_FEATURES, mean: MATCH_FEATURES.map(() => 0), scale: MATCH_FEATURES.map(() => 1), weights: MATCH_FEATURES.map(() => 0), bias: 0 };

// Examples per section.
const sectionIds = Object.keys(gold.sections).filter((id) => sections.some((s) => s.id === id)).sort();
const examples = new Map();
for (const id of sectionIds) {
  // Each gold sentence is matched in the section it is part of, as the product assesses it.
  const covered = sectionWithDescendants(sections, id);
  const ranksOf = new Map(covered.map((s) => [s.id, sectionRanks(search, s)]));
  const rows = [];
  for (const g of gold.sections[id].commitments) {
    if (!g.checkable) continue;
    const own = covered.find((s) => s.text.includes(g.text.slice(0, 60))) ?? covered[0];
    for (const c of matchCandidates(corpus.matcher, g.text, own.title, ranksOf.get(own.id), zero)) rows.push({ x: c.features, y: g.evidence.includes(c.doc.id) ? 1 : 0 });
  }
  examples.set(id, rows);
}
const fit = (ids) => {
  const rows = ids.flatMap((id) => examples.get(id));
  return fitLogistic([...MATCH_FEATURES], rows.map((r) => r.x), rows.map((r) => r.y));
};
function auc(scored) {
  const sorted = [...scored].sort((a, b) => b.p - a.p);
  const positives = sorted.filter((s) => s.y === 1).length;
  const negatives = sorted.length - positives;
  let tp = 0, area = 0;
  for (const s of sorted) (s.y === 1 ? tp++ : (area += tp));
  return positives && negatives ? area / (positives * negatives) : NaN;
}

// Cross-validation: each fold assessed by the model fitted on the others, through the product's own extraction and rules.
const k = Number(values.folds);
const folds = Array.from({ length: k }, (_, f) => sectionIds.filter((_, i) => i % k === f));
const project = {};
const scoredPairs = [];
for (const held of folds) {
  const model = fit(sectionIds.filter((id) => !held.includes(id)));
  for (const id of held) {
    for (const r of examples.get(id)) scoredPairs.push({ p: predictProbability(model, r.x), y: r.y });
    const foldCorpus = { ...corpus, model };
    project[id] = sectionWithDescendants(sections, id).flatMap((s) => assessOwnSection(foldCorpus, s).commitments).map(toProjectCommitment);
  }
}
const cv = scoreStatuses(gold, project);
const final = fit(sectionIds);
const round = (xs) => xs.map((x) => Math.round(x * 10000) / 10000);
console.log(JSON.stringify({ gold: goldPath, sections: sectionIds.length, folds: k, pairs: scoredPairs.length, pairAuc: Math.round(auc(scoredPairs) * 1000) / 1000, crossValidated: cv }, null, 1));
console.log(JSON.stringify({ features: final.features, weights: round(final.weights), bias: round([final.bias])[0] }));
if (values.write) {
  const path = fileURLToPath(new URL('../src/assess/match-model.ts', import.meta.url));
  writeFileSync(path, `// Fitted by scripts/calibrate-status.mjs on ${goldPath.replace(/^.*\/shared\//, '../shared/')} (${sectionIds.length} sections); regenerate, do not edit by hand.
import type { LogisticModel } from './logistic.js';

export const MATCH_MODEL: LogisticModel = {
  features: ${JSON.stringify(final.features)},
  mean: ${JSON.stringify(round(final.mean))},
  scale: ${JSON.stringify(round(final.scale))},
  weights: ${JSON.stringify(round(final.weights))},
  bias: ${round([final.bias])[0]},
};
`);
  console.error(`wrote ${path}`);
}
await store.close();
