// Ask page: a question in plain Dutch, answered with numbered citations.
import { getJson } from './api.js';
import { append, citation, clear, formatDate, h, sourceLink } from './dom.js';

const REF = 'bron-';

export async function renderAsk(main, { params, navigate }) {
  const q = h('textarea', { id: 'vraag-q', name: 'q', rows: '3', required: true, minlength: '10', maxlength: '1000', 'aria-describedby': 'vraag-q-hint' });
  q.value = params.get('q') ?? '';
  const answerBox = h('div', { class: 'answer', 'aria-live': 'polite' });
  const form = h(
    'form',
    { class: 'ask-form' },
    h('div', { class: 'field' }, h('label', { for: 'vraag-q' }, 'Uw vraag'), q, h('p', { class: 'hint', id: 'vraag-q-hint' }, 'Bijvoorbeeld: wat deed de regering rond LIVC-R? (10 tot 1000 tekens)')),
    h('button', { type: 'submit' }, 'Vraag stellen'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(`/vragen?${new URLSearchParams({ q: q.value.trim() })}`);
  });
  main.append(h('h1', { tabindex: '-1' }, 'Een vraag stellen'), form, answerBox);

  const question = params.get('q');
  if (!question) return;
  answerBox.append(h('p', { role: 'status' }, 'Het antwoord wordt opgezocht…'));
  try {
    const answer = await getJson('/api/ask', { q: question });
    append(clear(answerBox), [
      h('h2', {}, 'Antwoord'),
      // Each claim is one finding (often one dated source), so several claims form a list.
      answer.paragraphs.map((claims) => {
        const claimNodes = (c) => [c.text, c.citations.map((n) => [' ', citation(n, REF)])];
        return claims.length > 1 ? h('ul', { class: 'claims' }, claims.map((c) => h('li', {}, claimNodes(c)))) : h('p', {}, claims.map(claimNodes));
      }),
      answer.references.length
        ? [
            h('h3', {}, 'Bronnen'),
            h(
              'ol',
              { class: 'references' },
              answer.references.map((r) =>
                h('li', { id: `${REF}${r.n}`, tabindex: '-1' }, h('span', { class: 'ref-number' }, `[${r.n}] `), sourceLink(r.uri, r.title), h('span', { class: 'meta' }, ` · ${formatDate(r.date)}`)),
              ),
            ),
          ]
        : null,
    ]);
  } catch (error) {
    answerBox.replaceChildren(h('p', { role: 'alert', class: 'error' }, `Geen antwoord: ${error.message}`));
  }
}
