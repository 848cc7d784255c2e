import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  analyseCompound,
  buildCompoundLexicon,
  compoundComponents,
  createCompoundSplitter,
  splitCompound,
  type CompoundLexicon,
} from './compounds.js';
import { decisionWordFrequencies } from './corpus-fixture.js';

function lexiconOf(counts: Record<string, number>): CompoundLexicon {
  return buildCompoundLexicon(new Map(Object.entries(counts)));
}

describe('splitCompound on a small lexicon', () => {
  it('splits at a linking "s" and returns the parts without it', () => {
    const lexicon = lexiconOf({ veiligheid: 30, cel: 1, cellen: 5, veiligheidscellen: 4 });
    assert.deepEqual(splitCompound('veiligheidscellen', lexicon), ['veiligheid', 'cellen']);
  });

  it('accepts the linking morphemes "s", "e", "en", "n", "er" and a direct join', () => {
    const lexicon = lexiconOf({ gemeente: 50, huis: 20, boek: 20, kast: 20, kind: 40, opvang: 40, plan: 40, stad: 40 });
    assert.deepEqual(splitCompound('gemeentehuis', lexicon), ['gemeente', 'huis']);
    assert.deepEqual(splitCompound('boekenkast', lexicon), ['boek', 'kast']);
    assert.deepEqual(splitCompound('kinderopvang', lexicon), ['kind', 'opvang']);
    assert.deepEqual(splitCompound('stadsplan', lexicon), ['stad', 'plan']);
  });

  it('does not split when the whole word is far more frequent than its parts (lexicalised)', () => {
    const lexicon = lexiconOf({ maat: 90, regelen: 30, maatregelen: 600 });
    const analysis = analyseCompound('maatregelen', lexicon);
    assert.deepEqual(analysis.candidate, ['maat', 'regelen']);
    assert.equal(analysis.split, false);
    assert.deepEqual(splitCompound('maatregelen', lexicon), []);
  });

  it('splits words never seen whole when their parts are known', () => {
    const lexicon = lexiconOf({ radicalisering: 29, preventie: 51 });
    assert.deepEqual(splitCompound('radicaliseringspreventie', lexicon), ['radicalisering', 'preventie']);
  });

  it('prefers the split with the highest geometric mean of part frequencies', () => {
    // jeugd|hulpverlening beats jeugdhulp|verlening when "verlening" is rare.
    const lexicon = lexiconOf({ jeugd: 100, hulpverlening: 25, jeugdhulp: 95, verlening: 2, hulp: 60 });
    assert.deepEqual(splitCompound('jeugdhulpverlening', lexicon), ['jeugd', 'hulpverlening']);
  });

  it('needs parts of at least 4 letters, or 3 when very frequent', () => {
    const rare = lexiconOf({ wet: 10, geving: 10, wetgeving: 1 });
    assert.deepEqual(splitCompound('wetgeving', rare), []);
    const frequent = lexiconOf({ wet: 80, tekst: 40 });
    assert.deepEqual(splitCompound('wettekst', frequent), ['wet', 'tekst']);
  });

  it('never uses function words or verbal particles as modifiers, nor suffixes as heads', () => {
    const lexicon = lexiconOf({ onder: 400, wijs: 20, samen: 120, werking: 230, toe: 300, gang: 40, mogelijk: 250, heden: 30 });
    assert.deepEqual(splitCompound('onderwijs', lexicon), []);
    assert.deepEqual(splitCompound('samenwerking', lexicon), []);
    assert.deepEqual(splitCompound('toegang', lexicon), []);
    assert.deepEqual(splitCompound('mogelijkheden', lexicon), []);
  });

  it('ignores tokens with digits or punctuation', () => {
    const lexicon = lexiconOf({ covid: 80, pandemie: 40 });
    assert.deepEqual(splitCompound('covid19pandemie', lexicon), []);
    assert.deepEqual(splitCompound('o&o&ibeleid', lexicon), []);
  });

  it('counts inflected forms of a part together ("cel" + "cellen")', () => {
    const withBoth = lexiconOf({ veiligheid: 30, cel: 2, cellen: 2, veiligheidscel: 12 });
    const pluralOnly = lexiconOf({ veiligheid: 30, cellen: 2, veiligheidscel: 12 });
    assert.ok(analyseCompound('veiligheidscellen', withBoth).geometricMean > analyseCompound('veiligheidscellen', pluralOnly).geometricMean);
  });
});

describe('compound splitting learned from the bundled decisions', () => {
  let lexicon: CompoundLexicon;
  before(() => {
    lexicon = buildCompoundLexicon(decisionWordFrequencies());
  });

  it('splits real compounds from decisions and the agreement correctly', () => {
    const expected: Record<string, string[]> = {
      veiligheidscellen: ['veiligheid', 'cellen'],
      veiligheidsdiensten: ['veiligheid', 'diensten'],
      gegevensuitwisseling: ['gegevens', 'uitwisseling'],
      informatieuitwisseling: ['informatie', 'uitwisseling'],
      radicaliseringspreventie: ['radicalisering', 'preventie'],
      jeugdhulpverlening: ['jeugd', 'hulpverlening'],
      kinderopvang: ['kinder', 'opvang'],
      samenwerkingsakkoord: ['samenwerking', 'akkoord'],
      gezondheidszorg: ['gezondheid', 'zorg'],
      klimaatfonds: ['klimaat', 'fonds'],
      huurwoningen: ['huur', 'woningen'],
      omgevingsvergunning: ['omgeving', 'vergunning'],
      inburgeringsbeleid: ['inburgering', 'beleid'],
      gezinsopvang: ['gezin', 'opvang'],
      stikstofproblematiek: ['stikstof', 'problematiek'],
      toegankelijkheidsverplichtingen: ['toegankelijkheid', 'verplichtingen'],
    };
    for (const [word, parts] of Object.entries(expected)) assert.deepEqual(splitCompound(word, lexicon), parts, word);
  });

  it('leaves non-compounds and lexicalised words whole', () => {
    const whole = [
      'regering',
      'onderwijs',
      'verbinding',
      'maatregelen',
      'gemeenten',
      'belasting',
      'samenwerking',
      'goedkeuring',
      'overeenkomst',
      'toekomst',
      'mogelijkheden',
      'besturen',
      'internationaal',
      'vaststelling',
      'diensten',
    ];
    for (const word of whole) assert.deepEqual(splitCompound(word, lexicon), [], word);
  });

  it('reaches the hand-judged precision and recall on a random sample of corpus words', () => {
    // 80 words of >= 9 letters drawn at random from the corpus vocabulary and
    // judged by hand; '' means "not a compound". Several analyses may be acceptable.
    const judged: Record<string, string[]> = {
      transferium: [''], werkcheques: ['werk+cheques'], netwerkorganisatie: ['netwerk+organisatie', 'net+werk+organisatie'],
      inschalingsinstrument: ['inschaling+instrument'], vrijstellingsproeven: ['vrijstelling+proeven'], ademruimte: ['adem+ruimte'],
      bestedingsmogelijkheden: ['besteding+mogelijkheden'], warandestraat: ['warande+straat'], reststromen: ['rest+stromen'],
      beleidsinitiatief: ['beleid+initiatief'], sponsoring: [''], responsible: [''], gelijkgeschakeld: [''],
      energiebeleidsovereenkomsten: ['energie+beleid+overeenkomsten', 'energiebeleid+overeenkomsten'],
      raskattenpopulaties: ['ras+katten+populaties', 'raskatten+populaties'], rivierdonderpad: ['rivier+donderpad'],
      ondernemingsvorming: ['onderneming+vorming'], overgangsbepaling: ['overgang+bepaling'], reintegreren: [''], toeristen: [''],
      commercialiseren: [''], opvangprestatie: ['opvang+prestatie'], verordeningen: [''], vaststelling: [''],
      omgevingsbesluit: ['omgeving+besluit'], verkenningsfase: ['verkenning+fase'], liquiditeitstekorten: ['liquiditeit+tekorten'],
      belastingen: [''], adviescommissie: ['advies+commissie'], vastgoedmakelaars: ['vastgoed+makelaars'],
      voedingsonderzoek: ['voeding+onderzoek'], ministerie: [''], leervoorkeur: ['leer+voorkeur'], salarisschaal: ['salaris+schaal'],
      mantelzorg: ['mantel+zorg'], competentieversterkende: ['competentie+versterkende'], steunreglementering: ['steun+reglementering'],
      meerjarenplanning: ['meerjaren+planning'], stemsamenwerkingen: ['stem+samenwerkingen'], investeringsagenda: ['investering+agenda'],
      preventiemethodieken: ['preventie+methodieken'], personeelsredenen: ['personeel+redenen'], recreatiegebied: ['recreatie+gebied'],
      verhuurkantoor: ['verhuur+kantoor'], afleveringen: [''], erfgoednetwerk: ['erfgoed+netwerk', 'erfgoed+net+werk'],
      wegvallen: ['', 'weg+vallen'], budgetneutrale: ['budget+neutrale'], geschetste: [''], gegroeide: [''],
      beheercyclus: ['beheer+cyclus'], onroerende: [''], responsabiliseren: [''], orchestra: [''], donorontvanger: ['donor+ontvanger'],
      zorgverstrekkers: ['zorg+verstrekkers'], vergunningsnormen: ['vergunning+normen'], mededeling: [''], exploitant: [''],
      gemeentehuis: ['gemeente+huis'], maturiteit: [''], gedifferentieerd: [''], rupelstreek: ['rupel+streek'], geneutraliseerd: [''],
      kortenberg: [''], rivieroverstromingen: ['rivier+overstromingen'], deelnemen: ['', 'deel+nemen'],
      gezondheidsuitdagingen: ['gezondheid+uitdagingen'], aanwervingsincentive: ['aanwerving+incentive'],
      verkeersveilige: ['verkeer+veilige'], financieringsbesluit: ['financiering+besluit'], relatiebeheer: ['relatie+beheer'],
      stooktoestel: ['stook+toestel'], gezinsopvang: ['gezin+opvang'],
    };
    let correctSplits = 0;
    let wrongSplits = 0;
    let compounds = 0;
    for (const [word, accepted] of Object.entries(judged)) {
      const got = splitCompound(word, lexicon).join('+');
      if (accepted.some((analysis) => analysis !== '')) compounds++;
      if (got === '') continue;
      if (accepted.includes(got)) correctSplits++;
      else wrongSplits++;
    }
    const precision = correctSplits / (correctSplits + wrongSplits);
    const recall = correctSplits / compounds;
    assert.ok(precision >= 0.9, `precision ${precision.toFixed(2)}`);
    assert.ok(recall >= 0.7, `recall ${recall.toFixed(2)}`);
  });

  it('components add the lexicalised sub-compounds of a three-part split', () => {
    const components = compoundComponents('gegevensbeschermingsautoriteit', lexicon);
    assert.deepEqual(components.slice(0, 3), ['gegevens', 'bescherming', 'autoriteit']);
    assert.ok(components.includes('gegevensbescherming'));
    assert.ok(compoundComponents('woonzorgcentra', lexicon).includes('zorgcentra'));
    assert.deepEqual(compoundComponents('regering', lexicon), []);
  });

  it('a splitter memoises and agrees with splitCompound', () => {
    const splitter = createCompoundSplitter(lexicon);
    const first = splitter.split('gegevensuitwisseling');
    assert.deepEqual(first, splitCompound('gegevensuitwisseling', lexicon));
    assert.equal(splitter.split('gegevensuitwisseling'), first);
    assert.deepEqual(splitter.components('woonzorgcentra'), compoundComponents('woonzorgcentra', lexicon));
    assert.deepEqual(splitter.split('regering'), []);
  });
});
