import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dutchStopwords,
  genericGovernmentWords,
  isGenericGovernmentWord,
  isStopword,
  snowballDutchStopwords,
} from './stopwords.js';
import { tokenise } from './tokenise.js';

describe('stopwords', () => {
  it('contains the 101 words of the Snowball Dutch list', () => {
    assert.equal(snowballDutchStopwords.size, 101);
    for (const word of ['de', 'het', 'een', 'en', 'van', 'niet', 'wordt', 'andere']) assert.ok(snowballDutchStopwords.has(word));
  });

  it('extends the Snowball list with administrative function words', () => {
    for (const word of snowballDutchStopwords) assert.ok(dutchStopwords.has(word), word);
    for (const word of ['daarnaast', 'zodat', 'waarbij', 'via', 'tussen', 'oa', 'mbt']) assert.ok(isStopword(word), word);
  });

  it('leaves the content words of a decision title', () => {
    const title = 'Vlaamse deelname aan lokale integrale veiligheidscellen rond radicalisme, extremisme en terrorisme';
    const content = tokenise(title).filter((token) => !isStopword(token));
    assert.deepEqual(content, [
      'vlaamse',
      'deelname',
      'lokale',
      'integrale',
      'veiligheidscellen',
      'radicalisme',
      'extremisme',
      'terrorisme',
    ]);
  });

  it('keeps generic government words out of the stopword list', () => {
    for (const word of genericGovernmentWords) assert.equal(isStopword(word), false, word);
  });

  it('marks the boilerplate of decisions and the agreement as generic', () => {
    const boilerplate = tokenise(
      'De Vlaamse Regering keurt het voorontwerp van decreet principieel goed. We zullen een subsidie toekennen.',
    );
    const generic = boilerplate.filter(isGenericGovernmentWord);
    assert.deepEqual(generic, ['vlaamse', 'regering', 'keurt', 'voorontwerp', 'decreet', 'principieel', 'goed', 'we', 'zullen', 'subsidie']);
    for (const word of ['ontwerpbesluit', 'besluit', 'goedkeuring', 'minister']) assert.ok(isGenericGovernmentWord(word), word);
  });

  it('does not mark topical words as generic', () => {
    for (const word of ['veiligheidscel', 'radicalisering', 'kinderopvang', 'zorg', 'onderwijs', 'persoonsgegevens']) {
      assert.equal(isGenericGovernmentWord(word), false, word);
    }
  });

  it('stores every word folded (no capitals, no diacritics)', () => {
    for (const word of [...dutchStopwords, ...genericGovernmentWords]) assert.match(word, /^[a-z']+$/, word);
  });
});
