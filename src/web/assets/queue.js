// The review queue (editors only): first the reviewed promises for which the
// machine found new evidence since the review, then the unreviewed ones whose
// automatic status is to be checked. Each links to the promise's page, where
// the review form is.
import { getJson } from './api.js';
import { append, formatDate, h, loadMore, promisePath, selectField, statusBadge } from './dom.js';
import { getAsEditor, session } from './session.js';

const PAGE = 50;
const REASONS = { 'nieuw-bewijs': 'nieuw bewijs sinds beoordeling', 'te-controleren': 'te controleren' };

function item(p) {
  return h(
    'li',
    { class: 'queue-item' },
    h('a', { href: promisePath(p.path), class: 'queue-text' }, p.text),
    h(
      'p',
      { class: 'queue-meta' },
      h('span', { class: `queue-reason reason-${p.queueReason}` }, REASONS[p.queueReason] ?? p.queueReason),
      ' ',
      statusBadge(p.status, p.statusLabel),
      h('span', { class: 'meta' }, ` ${p.sectionNumber} ${p.sectionTitle} · ${p.chapter}`),
      p.queueReason === 'nieuw-bewijs' ? h('span', { class: 'meta' }, ` · ${p.newEvidence} nieuwe ${p.newEvidence === 1 ? 'bron' : 'bronnen'}`) : null,
    ),
  );
}

function loginPrompt(main, message) {
  append(main, [
    h('h1', { tabindex: '-1' }, 'Beoordelingswachtrij'),
    h('p', {}, message),
    h('p', {}, h('a', { href: '/inloggen?terug=/redactie' }, 'Aanmelden als redacteur')),
  ]);
}

/** One chapter at a time: editors work per policy domain. */
function chapterForm(chapters, chosen, navigate) {
  const form = h('form', { class: 'filters', 'aria-label': 'Wachtrij filteren' }, selectField('q-chapter', 'chapter', 'Hoofdstuk', chapters, chosen, 'alle hoofdstukken'), h('button', { type: 'submit' }, 'Toon wachtrij'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chapter = new FormData(form).get('chapter');
    navigate(chapter ? `/redactie?${new URLSearchParams({ chapter })}` : '/redactie');
  });
  return form;
}

export async function renderQueue(main, { signal, params, navigate }) {
  const { user } = await session();
  if (signal.aborted) return;
  if (!user) {
    loginPrompt(main, 'Deze pagina is alleen voor de redactie.');
    return;
  }
  const chapter = params.get('chapter') ?? '';
  let first;
  let overview;
  try {
    [first, overview] = await Promise.all([getAsEditor('/api/review-queue', { chapter, limit: PAGE }), getJson('/api/overview')]);
  } catch (error) {
    // The session ended on the server (expired, account disabled): say so instead of a generic failure.
    if (error.status === 401 && !signal.aborted) {
      loginPrompt(main, 'Uw sessie is verlopen. Meld u opnieuw aan.');
      return;
    }
    throw error;
  }
  if (signal.aborted) return;
  const list = h('ol', { class: 'queue' }, first.items.map(item));
  const { status, button } = loadMore({
    label: 'Meer tonen',
    list,
    initial: first.items.length,
    loadPage: async (offset) => (await getAsEditor('/api/review-queue', { chapter, offset, limit: PAGE })).items.map(item),
    describe: (n) => `${n} van de ${first.total} getoond.`,
    hasMore: (n) => n < first.total,
    failure: 'Meer beloften laden lukte niet',
    signal,
  });
  append(main, [
    h('h1', { tabindex: '-1' }, 'Beoordelingswachtrij'),
    h('p', { class: 'lead queue-counts' }, `${first.counts.nieuwBewijs} met nieuw bewijs sinds beoordeling · ${first.counts.teControleren} te controleren`),
    h(
      'p',
      { class: 'hint' },
      'Eerst de beoordeelde beloften waarvoor de machine sindsdien nieuw bewijs vond, dan de beloften waarvan de automatische status te controleren is: eerst die met een status, dan die zonder spoor.',
    ),
    chapterForm(overview.chapters.map((c) => [c.id, `${c.number}. ${c.title}`]), chapter, navigate),
    first.orphans.length
      ? h(
          'section',
          { class: 'orphans' },
          h('h2', {}, 'Beoordelingen zonder belofte'),
          h('p', {}, 'De tekst van deze beloften veranderde sinds de beoordeling (het regeerakkoord werd opnieuw ingelezen). De beoordeling blijft bewaard, maar geldt voor geen enkele belofte meer.'),
          h(
            'ul',
            {},
            first.orphans.map((o) =>
              h('li', {}, `${o.sectionId} · `, statusBadge(o.status, o.statusLabel), h('span', { class: 'meta' }, ` · ${o.reviewer} op ${formatDate(o.reviewedAt.slice(0, 10))}`), o.publicNote ? h('p', { class: 'note' }, o.publicNote) : null),
            ),
          ),
        )
      : null,
    first.total ? [status, list, button] : h('p', {}, 'Er wacht niets op een beoordeling.'),
  ]);
}
