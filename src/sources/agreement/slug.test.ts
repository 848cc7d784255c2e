import { test } from 'node:test';
import assert from 'node:assert/strict';
import { slugify, uniqueSlugs } from './slug.js';

test('slugify lowercases, folds diacritics and collapses everything else to single dashes', () => {
  assert.equal(slugify('Binnenlands bestuur en stedenbeleid'), 'binnenlands-bestuur-en-stedenbeleid');
  assert.equal(slugify('Financiën en begroting'), 'financien-en-begroting');
  assert.equal(slugify('Cultuur, jeugd en sport'), 'cultuur-jeugd-en-sport');
  assert.equal(slugify('Fusie van entiteiten – bijlage bij het regeerakkoord'), 'fusie-van-entiteiten-bijlage-bij-het-regeerakkoord');
  assert.equal(slugify('  “Slimme” mobiliteit / innovatie!  '), 'slimme-mobiliteit-innovatie');
  assert.equal(slugify('Coördinatie & Geïnterneerden'), 'coordinatie-geinterneerden');
});

test('uniqueSlugs keeps the first slug and numbers later duplicates in order of appearance', () => {
  assert.deepEqual(uniqueSlugs(['Onderwijs', 'Welzijn', 'Onderwijs', 'onderwijs!']), ['onderwijs', 'welzijn', 'onderwijs-2', 'onderwijs-3']);
  // A title that already looks like a numbered duplicate does not collide.
  assert.deepEqual(uniqueSlugs(['Onderwijs 2', 'Onderwijs', 'Onderwijs']), ['onderwijs-2', 'onderwijs', 'onderwijs-3']);
  assert.deepEqual(uniqueSlugs(['—', '!!']), ['hoofdstuk', 'hoofdstuk-2']);
});
