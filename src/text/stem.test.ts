import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { snowballStem, stem, stemUncached } from './stem.js';

describe('stem', () => {
  it('applies the Snowball Dutch stemmer', () => {
    assert.equal(snowballStem('maatregelen'), 'maatregel');
    assert.equal(stem('maatregelen'), 'maatregel');
    assert.equal(stem('beslissingen'), stem('beslissing'));
    assert.equal(stem('lokale'), stem('lokaal'));
    assert.equal(stem('scholen'), stem('school'));
    assert.equal(stem('gemeenten'), stem('gemeente'));
  });

  it('conflates singular and plural where Snowball leaves a double consonant', () => {
    assert.equal(snowballStem('veiligheidscellen'), 'veiligheidscell'); // why the extra rule exists
    assert.equal(stem('veiligheidscellen'), stem('veiligheidscel'));
    assert.equal(stem('cellen'), 'cel');
    assert.equal(stem('gezinnen'), stem('gezin'));
    assert.equal(stem('vennootschappen'), stem('vennootschap'));
  });

  it('conflates the v/f and z/s alternations', () => {
    assert.equal(stem('preventieve'), stem('preventief'));
    assert.equal(stem('huizen'), stem('huis'));
    assert.equal(stem('collectieve'), stem('collectief'));
  });

  it('maps frequent irregular plurals', () => {
    assert.equal(stem('kinderen'), stem('kind'));
    assert.equal(stem('steden'), stem('stad'));
    assert.equal(stem('leden'), stem('lid'));
  });

  it('keeps "-heid" where stripping it would leave a function word', () => {
    assert.equal(snowballStem('overheid'), 'over');
    assert.equal(stem('overheid'), 'overheid');
    assert.equal(stem('overheden'), 'overheid');
    assert.equal(stem('veiligheid'), 'veilig'); // long stems are left as Snowball makes them
  });

  it('leaves tokens with digits and very short tokens alone', () => {
    assert.equal(stem('2024'), '2024');
    assert.equal(stem('covid19'), 'covid19');
    assert.equal(stem('26.04.2022'), '26.04.2022');
    assert.equal(stem('eu'), 'eu');
  });

  it('returns the same result from the cache', () => {
    const first = stem('radicaliseringspreventie');
    assert.equal(stem('radicaliseringspreventie'), first);
    assert.equal(first, stemUncached('radicaliseringspreventie'));
  });
});
