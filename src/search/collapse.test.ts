import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Dossier } from '../dossiers/types.js';
import { collapseByDossier } from './collapse.js';

const dossier = (id: string, ...decisionIds: string[]): Dossier => ({
  id,
  title: `dossier ${id}`,
  steps: decisionIds.map((decisionId, i) => ({ decisionId, date: `2021-0${i + 1}-01`, stage: 'overig', stageLabel: 'overig' })),
  firstDate: '2021-01-01',
  lastDate: `2021-0${decisionIds.length}-01`,
  furthestStage: 'overig',
});

const livc = dossier('a1', 'a1', 'a2', 'a3');
const single = dossier('s1', 's1');
const dossierOf = new Map<string, Dossier>([['a1', livc], ['a2', livc], ['a3', livc], ['s1', single]]);
const hit = (id: string, type = 'decision') => ({ doc: { id, type } });

test('stages of one dossier fold into the place of the best-ranked stage', () => {
  const collapsed = collapseByDossier([hit('a2'), hit('x'), hit('a1'), hit('s1'), hit('a3')], dossierOf);
  assert.deepEqual(collapsed.map((c) => c.hit.doc.id), ['a2', 'x', 's1']);
  assert.equal(collapsed[0]!.dossier?.id, 'a1');
  assert.deepEqual(collapsed[0]!.members.map((m) => m.doc.id), ['a2', 'a1', 'a3']);
});

test('documents outside a multi-step dossier stand alone, parliament documents included', () => {
  const collapsed = collapseByDossier([hit('s1'), hit('parlement/x', 'parliament'), hit('unknown')], dossierOf);
  assert.deepEqual(collapsed.map((c) => [c.hit.doc.id, c.dossier?.id, c.members.length]), [
    ['s1', undefined, 1],
    ['parlement/x', undefined, 1],
    ['unknown', undefined, 1],
  ]);
});

test('an empty ranking collapses to nothing', () => {
  assert.deepEqual(collapseByDossier([], dossierOf), []);
});
