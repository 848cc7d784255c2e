import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { GeneratedProse, GeneratorInput } from '../generator.js';
import { createLlmClient } from './client.js';
import type { LlmConfig } from './config.js';
import { type FakeChatServer, type Script, apiError, completion, startFakeChatServer } from '../../testing/fake-chat-server.js';
import { LIVC_DECISIONS, fixedAnswerer, fixedGenerator, livcGeneratorInput, livcSources } from './fixtures.js';
import { createLlmAnswerer, createLlmGenerator } from './generator.js';

const [FIRST, SECOND, FINAL] = LIVC_DECISIONS.map((item) => item.id) as [string, string, string];

function testConfig(baseURL: string, overrides: Partial<LlmConfig> = {}): LlmConfig {
  return {
    baseURL,
    model: 'beloftemeter-test-model',
    apiKey: 'sk-test-123',
    timeoutMs: 2000,
    maxRetries: 2,
    concurrency: 2,
    backoffBaseMs: 10,
    backoffMaxMs: 40,
    ...overrides,
  };
}

/** A well-formed report citing evidence numbers 1..3 (the LIVC decisions by date). */
function goodReport(): object {
  return {
    title: 'Voortgangsrapportage naleving regeerakkoord: Preventie van radicalisering',
    sections: [
      {
        heading: 'Inleiding',
        paragraphs: [[{ text: 'Van de twee engagementen is er één gerealiseerd; voor het andere werd geen spoor gevonden.', citations: [3] }]],
      },
      {
        heading: 'Bevindingen per engagement',
        paragraphs: [
          [{ text: 'Voor het opdrijven van de begeleiding van geradicaliseerde gedetineerden werd geen spoor gevonden.', citations: [] }],
          [
            { text: 'De regering keurde het voorontwerp van decreet over de Vlaamse deelname aan de LIVC-R principieel goed op 17 juli 2020.', citations: [1] },
            { text: 'Na advies volgde op 18 december 2020 een tweede principiële goedkeuring.', citations: [2] },
            { text: 'Op 5 maart 2021 keurde de regering het ontwerpdecreet definitief goed.', citations: [3] },
          ],
        ],
      },
      { heading: 'Conclusie', paragraphs: [[{ text: 'Het decretaal kader voor de LIVC-deelname is definitief goedgekeurd.', citations: [3] }]] },
    ],
  };
}

const allInvented = (): object => ({
  title: 'Rapport',
  sections: [{ heading: 'Bevindingen', paragraphs: [[{ text: 'De regering keurde een decreet goed.', citations: [99] }]] }],
});

interface Harness {
  server: FakeChatServer;
  warnings: string[];
  fallback: ReturnType<typeof fixedGenerator>;
  generate(input?: GeneratorInput): Promise<GeneratedProse>;
}

async function harness(script: Script, overrides: Partial<LlmConfig> = {}): Promise<Harness> {
  const server = await startFakeChatServer(script);
  const warnings: string[] = [];
  const fallback = fixedGenerator();
  const generator = createLlmGenerator(testConfig(server.baseURL, overrides), fallback, { warn: (message) => warnings.push(message) });
  return { server, warnings, fallback, generate: (input = livcGeneratorInput()) => generator.generate(input) };
}

function citedKeys(prose: GeneratedProse): string[] {
  return prose.body.flatMap((section) => section.paragraphs.flat().flatMap((claim) => claim.citations));
}

function assertOnlyGivenSources(prose: GeneratedProse, input: GeneratorInput): void {
  for (const key of citedKeys(prose)) assert.ok(Object.hasOwn(input.sources, key), `cites unknown source ${key}`);
}

function userMessages(server: FakeChatServer, index: number): string[] {
  return (server.requests[index]?.body?.messages ?? []).filter((m) => m.role === 'user').map((m) => m.content);
}

const servers: FakeChatServer[] = [];
async function track(h: Promise<Harness>): Promise<Harness> {
  const value = await h;
  servers.push(value.server);
  return value;
}

describe('LLM generator against a local chat-completions server', () => {
  let input: GeneratorInput;
  before(() => {
    input = livcGeneratorInput();
  });
  after(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('turns a good answer into cited prose and sends the numbered evidence, model and key', async () => {
    const h = await track(harness([completion(JSON.stringify(goodReport()))]));
    const prose = await h.generate(input);

    assert.deepEqual(prose.generator, { name: 'llm', model: 'beloftemeter-test-model' });
    assert.equal(prose.title, 'Voortgangsrapportage naleving regeerakkoord: Preventie van radicalisering');
    assert.deepEqual(prose.body.map((section) => section.heading), ['Inleiding', 'Bevindingen per engagement', 'Conclusie']);
    // Evidence numbers map back to the decisions in date order.
    const findings = prose.body[1]!.paragraphs[1]!;
    assert.deepEqual(findings.map((claim) => claim.citations), [[FIRST], [SECOND], [FINAL]]);
    // The absence statement survives without citations.
    assert.deepEqual(prose.body[1]!.paragraphs[0]![0]!.citations, []);
    assertOnlyGivenSources(prose, input);
    assert.equal(h.fallback.calls, 0);
    assert.deepEqual(h.warnings, []);

    assert.equal(h.server.requests.length, 1);
    const request = h.server.requests[0]!;
    assert.equal(request.path, '/v1/chat/completions');
    assert.equal(request.headers.authorization, 'Bearer sk-test-123');
    assert.equal(request.body?.model, 'beloftemeter-test-model');
    assert.deepEqual(request.body?.response_format, { type: 'json_object' });
    assert.equal(request.body?.temperature, undefined, 'no temperature unless configured');
    const [system, user] = request.body!.messages!;
    assert.equal(system?.role, 'system');
    assert.match(system!.content, /beleidsanalist/);
    assert.match(system!.content, /"lijkt"/);
    const sources = livcSources();
    for (const [number, key] of [FIRST, SECOND, FINAL].entries()) {
      const source = sources[key]!;
      assert.ok(user!.content.includes(`[${number + 1}] ${source.date} | beslissing van de Vlaamse Regering`), `evidence ${number + 1}`);
      assert.ok(user!.content.includes(`Titel: ${source.title}`));
    }
    assert.match(user!.content, /Beslissend bewijs: \[3\]/);
    assert.match(user!.content, /Status: geen spoor/);
    assert.match(user!.content, /Geldige bewijsnummers: 1 tot en met 3/);
  });

  it('drops an invented [99] next to a valid citation and warns about the repair', async () => {
    const report = goodReport() as { sections: Array<{ paragraphs: Array<Array<{ citations: number[] }>> }> };
    report.sections[2]!.paragraphs[0]![0]!.citations = [3, 99];
    const h = await track(harness([completion(JSON.stringify(report))]));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.deepEqual(prose.body[2]!.paragraphs[0]![0]!.citations, [FINAL]);
    assertOnlyGivenSources(prose, input);
    assert.equal(h.server.requests.length, 1);
    assert.equal(h.warnings.length, 1);
    assert.match(h.warnings[0]!, /\[99\]/);
  });

  it('drops a claim whose only citation is invented, keeping the rest of the answer', async () => {
    const report = goodReport() as { sections: Array<{ paragraphs: Array<Array<{ text: string; citations: number[] }>> }> };
    report.sections[1]!.paragraphs[1]!.push({ text: 'De regering besliste ook over camerabewaking.', citations: [99] });
    const h = await track(harness([completion(JSON.stringify(report))]));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    const texts = prose.body.flatMap((section) => section.paragraphs.flat().map((claim) => claim.text));
    assert.ok(!texts.some((text) => text.includes('camerabewaking')));
    assert.equal(prose.body[1]!.paragraphs[1]!.length, 3);
    assertOnlyGivenSources(prose, input);
    assert.match(h.warnings.join('\n'), /1 claim\(s\) citing only invented evidence dropped/);
  });

  it('asks again, with a reminder, when every claim cites invented evidence', async () => {
    const h = await track(harness([completion(JSON.stringify(allInvented())), completion(JSON.stringify(goodReport()))]));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.equal(h.server.requests.length, 2);
    assert.equal(userMessages(h.server, 0).length, 1);
    const retry = userMessages(h.server, 1);
    assert.equal(retry.length, 2, 'the original prompt plus a reminder');
    assert.match(retry[1]!, /geen enkele bruikbare zin/);
    assert.match(retry[1]!, /1 tot en met 3/);
    assertOnlyGivenSources(prose, input);
  });

  it('falls back to the extractive generator when every attempt cites only invented evidence', async () => {
    const h = await track(harness([completion(JSON.stringify(allInvented()))]));
    const prose = await h.generate(input);

    assert.deepEqual(prose.generator, { name: 'extractive', fellBackToExtractive: true });
    assert.equal(prose.title, 'Extractief: Preventie van radicalisering');
    assert.equal(h.fallback.calls, 1);
    assert.equal(h.server.requests.length, 3, 'first attempt + maxRetries');
    assert.equal(h.warnings.length, 1);
    assert.match(h.warnings[0]!, /no usable answer after 3 attempt\(s\)/);
    assert.match(h.warnings[0]!, /extractive/);
  });

  it('retries after empty content', async () => {
    const h = await track(harness([completion(''), completion(JSON.stringify(goodReport()))]));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.equal(h.server.requests.length, 2);
    assert.match(userMessages(h.server, 1)[1]!, /leeg/);
  });

  it('retries after a truncated answer (finish_reason "length") and asks for a shorter one', async () => {
    const truncated = JSON.stringify(goodReport()).slice(0, 180);
    const h = await track(harness([completion(truncated, 'length'), completion(JSON.stringify(goodReport()))]));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.equal(h.server.requests.length, 2);
    assert.match(userMessages(h.server, 1)[1]!, /te lang/);
  });

  it('treats truncated JSON with finish_reason "stop" as unparseable and retries', async () => {
    const truncated = JSON.stringify(goodReport()).slice(0, 180);
    const h = await track(harness([completion(truncated), completion(JSON.stringify(goodReport()))]));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.match(userMessages(h.server, 1)[1]!, /geen geldig JSON-object/);
  });

  it('waits for retry-after on 429, then succeeds', async () => {
    const h = await track(
      harness([apiError(429, 'Rate limit reached', { 'retry-after': '0.02' }), completion(JSON.stringify(goodReport()))]),
    );
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.equal(h.server.requests.length, 2);
    assert.deepEqual(h.warnings, []);
  });

  it('retries a 500, then succeeds', async () => {
    const h = await track(harness([apiError(500, 'upstream exploded'), completion(JSON.stringify(goodReport()))]));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.equal(h.server.requests.length, 2);
  });

  it('falls back after a 500 that never goes away, once the retries are spent', async () => {
    const h = await track(harness([apiError(500, 'upstream exploded')]));
    const prose = await h.generate(input);

    assert.deepEqual(prose.generator, { name: 'extractive', fellBackToExtractive: true });
    assert.equal(h.server.requests.length, 3, 'first attempt + 2 retries, no second round of content retries');
    assert.match(h.warnings[0]!, /HTTP 500/);
  });

  it('falls back when the server never answers (timeout)', async () => {
    const h = await track(harness([{ hang: true }], { timeoutMs: 100, maxRetries: 1 }));
    const prose = await h.generate(input);

    assert.deepEqual(prose.generator, { name: 'extractive', fellBackToExtractive: true });
    assert.equal(h.server.requests.length, 2);
    assert.match(h.warnings[0]!, /did not answer within 100 ms/);
  });

  it('does not retry a 401 and says which setting to check', async () => {
    const h = await track(harness([apiError(401, 'Incorrect API key provided')]));
    const prose = await h.generate(input);

    assert.deepEqual(prose.generator, { name: 'extractive', fellBackToExtractive: true });
    assert.equal(h.server.requests.length, 1);
    assert.match(h.warnings[0]!, /HTTP 401/);
    assert.match(h.warnings[0]!, /BELOFTEMETER_LLM_API_KEY/);
  });

  it('reads JSON inside a code fence', async () => {
    const fenced = `Hier is het rapport:\n\`\`\`json\n${JSON.stringify(goodReport(), null, 2)}\n\`\`\``;
    const h = await track(harness([completion(fenced)]));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.deepEqual(citedKeys(prose), [FINAL, FIRST, SECOND, FINAL, FINAL]);
  });

  it('drops response_format once the server rejects it, and remembers that', async () => {
    const script: Script = (request) =>
      request.body?.response_format
        ? apiError(400, "Unrecognized request argument supplied: response_format")
        : completion(JSON.stringify(goodReport()));
    const h = await track(harness(script));
    const prose = await h.generate(input);

    assert.equal(prose.generator.name, 'llm');
    assert.equal(h.server.requests.length, 2);
    assert.deepEqual(h.server.requests[0]!.body?.response_format, { type: 'json_object' });
    assert.equal(h.server.requests[1]!.body?.response_format, undefined);

    await h.generate(input);
    assert.equal(h.server.requests.length, 3, 'the next report asks without response_format straight away');
    assert.equal(h.server.requests[2]!.body?.response_format, undefined);
  });

  it('keeps at most `concurrency` requests in flight across parallel reports', async () => {
    const h = await track(harness([{ ...completion(JSON.stringify(goodReport())), delayMs: 30 }], { concurrency: 2 }));
    const results = await Promise.all(Array.from({ length: 5 }, () => h.generate(input)));

    assert.ok(results.every((prose) => prose.generator.name === 'llm'));
    assert.equal(h.server.requests.length, 5);
    assert.equal(h.server.maxInFlight, 2);
  });

  it('moves inline [n] markers from the text into citations', async () => {
    const report = {
      title: 'Rapport',
      sections: [{ heading: 'Bevindingen', paragraphs: [['Het ontwerpdecreet werd op 5 maart 2021 definitief goedgekeurd [3][99].']] }],
    };
    const h = await track(harness([completion(JSON.stringify(report))]));
    const prose = await h.generate(input);

    assert.deepEqual(prose.body[0]!.paragraphs[0], [
      { text: 'Het ontwerpdecreet werd op 5 maart 2021 definitief goedgekeurd.', citations: [FINAL] },
    ]);
  });
});

describe('LLM answerer', () => {
  const question = 'Wat deed de regering rond LIVC-R?';
  let server: FakeChatServer | undefined;
  after(async () => {
    await server?.close();
  });

  const ranked = () => {
    const sources = livcSources();
    // Best first, as retrieval hands them over: the final approval, then the first approval.
    return [sources[FINAL]!, sources[FIRST]!];
  };

  it('answers from the evidence in retrieval order and cites only given sources', async () => {
    const answer = {
      noEvidence: false,
      paragraphs: [[
        { text: 'De regering keurde het ontwerpdecreet over de LIVC-R definitief goed op 5 maart 2021.', citations: [1] },
        { text: 'Het voorontwerp was principieel goedgekeurd op 17 juli 2020.', citations: ['2', 7] },
      ]],
    };
    server = await startFakeChatServer([completion(JSON.stringify(answer))]);
    const warnings: string[] = [];
    const answerer = createLlmAnswerer(testConfig(server.baseURL), fixedAnswerer(), { warn: (m) => warnings.push(m) });
    const result = await answerer.answer({ question, sources: ranked() });

    assert.equal(result.noEvidence, false);
    assert.deepEqual(result.generator, { name: 'llm', model: 'beloftemeter-test-model' });
    assert.deepEqual(result.paragraphs[0]!.map((claim) => claim.citations), [[FINAL], [FIRST]]);
    assert.match(warnings[0]!, /\[7\]/);
    const user = userMessages(server, 0)[0]!;
    assert.ok(user.includes(question));
    assert.ok(user.includes(`[1] 2021-03-05`));
    assert.ok(user.includes(`[2] 2020-07-17`));
    await server.close();
    server = undefined;
  });

  it('passes on "no evidence" without citations', async () => {
    server = await startFakeChatServer([completion(JSON.stringify({ noEvidence: true, paragraphs: [] }))]);
    const answerer = createLlmAnswerer(testConfig(server.baseURL), fixedAnswerer(), { warn: () => {} });
    const result = await answerer.answer({ question: 'Hoeveel kost de Oosterweelverbinding?', sources: ranked() });

    assert.deepEqual(result, { paragraphs: [], noEvidence: true, generator: { name: 'llm', model: 'beloftemeter-test-model' } });
    await server.close();
    server = undefined;
  });

  it('does not call the model when nothing was retrieved', async () => {
    server = await startFakeChatServer([completion('{}')]);
    const answerer = createLlmAnswerer(testConfig(server.baseURL), fixedAnswerer(), { warn: () => {} });
    const result = await answerer.answer({ question, sources: [] });

    assert.equal(result.noEvidence, true);
    assert.equal(server.requests.length, 0);
    await server.close();
    server = undefined;
  });

  it('falls back to the extractive answerer when the model only invents', async () => {
    const invented = { noEvidence: false, paragraphs: [[{ text: 'De regering richtte een LIVC-fonds op.', citations: [42] }]] };
    server = await startFakeChatServer([completion(JSON.stringify(invented))]);
    const warnings: string[] = [];
    const fallback = fixedAnswerer();
    // One client shared by generator and answerer: one concurrency limit.
    const client = createLlmClient(testConfig(server.baseURL, { maxRetries: 1 }));
    const answerer = createLlmAnswerer(testConfig(server.baseURL), fallback, { client, warn: (m) => warnings.push(m) });
    const result = await answerer.answer({ question, sources: ranked() });

    assert.deepEqual(result.generator, { name: 'extractive', fellBackToExtractive: true });
    assert.equal(fallback.calls, 1);
    assert.equal(server.requests.length, 2, "the shared client's maxRetries (1) applies");
    assert.deepEqual(result.paragraphs.flat().flatMap((claim) => claim.citations), [FINAL]);
    assert.match(warnings[0]!, /extractive answerer/);
  });
});
