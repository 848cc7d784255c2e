// The editors' part of a promise's page: the review form (status, a judgement
// per source, a public and an internal note) and the internal audit log. Only
// drawn for a logged-in editor; the server checks every write again.
import { idPath } from './api.js';
import { formatDate, formatDateTime, h, sentence, statusBadge } from './dom.js';
import { post } from './session.js';

const JUDGEMENTS = [
  ['', 'niet beoordeeld'],
  ['aanvaard', 'aanvaard'],
  ['verworpen', 'verworpen'],
];
const judgementLabel = (value) => JUDGEMENTS.find(([v]) => v === (value ?? ''))?.[1] ?? value;
const quoted = (text) => (text ? `“${text}”` : '(leeg)');

function field(control, label, hint) {
  if (hint) control.setAttribute('aria-describedby', `${control.id}-hint`);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null, control);
}

/** What one audit record changed, as lines "Status: X → Y"; `numberOf` names sources by their [n]. */
function changes(record, numberOf, labels) {
  const { before, after } = record;
  const sourceName = (key) => (numberOf.has(key) ? `bron [${numberOf.get(key)}]` : `bron ${key}`);
  if (after.withdrawn) return [`Beoordeling ingetrokken: terug naar het voorstel van de machine (${labels[after.status] ?? after.status}).`];
  if (!before) {
    const judged = Object.entries(after.evidence ?? {});
    return [
      'Eerste beoordeling.',
      `Status: ${labels[after.status] ?? after.status}`,
      after.publicNote ? `Publieke toelichting: ${quoted(after.publicNote)}` : null,
      after.internalNote ? `Interne notitie: ${quoted(after.internalNote)}` : null,
      ...judged.map(([key, judgement]) => `Oordeel over ${sourceName(key)}: ${judgementLabel(judgement)}`),
    ].filter(Boolean);
  }
  const lines = [];
  if (before.status !== after.status) lines.push(`Status: ${labels[before.status] ?? before.status} → ${labels[after.status] ?? after.status}`);
  if (before.publicNote !== after.publicNote) lines.push(`Publieke toelichting: ${quoted(before.publicNote)} → ${quoted(after.publicNote)}`);
  if (before.internalNote !== after.internalNote) lines.push(`Interne notitie: ${quoted(before.internalNote)} → ${quoted(after.internalNote)}`);
  const keys = new Set([...Object.keys(before.evidence ?? {}), ...Object.keys(after.evidence ?? {})]);
  for (const key of keys) {
    const was = before.evidence?.[key];
    const is = after.evidence?.[key];
    if (was !== is) lines.push(`Oordeel over ${sourceName(key)}: ${judgementLabel(was)} → ${judgementLabel(is)}`);
  }
  return lines.length ? lines : ['Opnieuw opgeslagen zonder wijziging.'];
}

function auditLog(log, numberOf, labels) {
  // Newest first: the editor opens the log to see what changed last.
  const records = [...log].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id));
  return h(
    'details',
    { class: 'audit-log' },
    h('summary', {}, 'Wijzigingslog (intern)'),
    records.length
      ? h(
          'ol',
          {},
          records.map((record) =>
            h('li', {}, h('p', { class: 'audit-who' }, h('strong', {}, record.user), ' · ', h('time', { datetime: record.at }, formatDateTime(record.at))), h('ul', {}, changes(record, numberOf, labels).map((line) => h('li', {}, line)))),
          ),
        )
      : h('p', {}, 'Nog geen wijzigingen.'),
  );
}

/**
 * The review section. `editorial` is GET /api/reviews/<id>; `onSaved(notice)`
 * and `onConflict(message, draft)` redraw the page from the server.
 */
export function reviewSection({ id, detail, editorial, conflict, onSaved, onConflict }) {
  const { review, log, machine, statuses } = editorial;
  const labels = Object.fromEntries(statuses.map((s) => [s.status, s.label]));
  const proposed = new Set(machine.evidence);
  const numberOf = new Map(detail.sources.map((s) => [s.key, s.n]));
  const judgeable = detail.sources.filter((s) => proposed.has(s.key));
  const chosen = review?.status ?? detail.promise.status;

  const statusChoice = h(
    'fieldset',
    { class: 'status-choice' },
    h('legend', {}, 'Status'),
    statuses.map(({ status: value, label }) =>
      h(
        'div',
        { class: 'choice' },
        h('input', { type: 'radio', name: 'status', id: `beoordeling-status-${value}`, value, checked: value === chosen, required: true }),
        h('label', { for: `beoordeling-status-${value}` }, statusBadge(value, label), value === machine.status ? h('span', { class: 'meta' }, ' (voorstel van de machine)') : null),
      ),
    ),
  );

  const selects = judgeable.map((s) =>
    h(
      'select',
      { id: `beoordeling-bron-${s.n}`, name: `bron-${s.n}`, 'data-key': s.key },
      JUDGEMENTS.map(([value, label]) => h('option', { value, selected: (review?.evidence?.[s.key] ?? '') === value }, label)),
    ),
  );
  const sourceFields = judgeable.length
    ? h(
        'fieldset',
        { class: 'source-judgements' },
        h('legend', {}, 'Bronnen'),
        h('p', { class: 'hint' }, 'Een verworpen bron telt niet meer als bewijs; lezers zien ze onderaan de lijst, als verworpen gemarkeerd.'),
        // Title, date and stage: stages of one dossier often share a title.
        judgeable.map((s, i) =>
          field(selects[i], `Oordeel over bron [${s.n}]`, `${s.title} · ${formatDate(s.date)}${s.stageLabel ? ` · ${s.stageLabel}` : ''}${s.newSinceReview ? ' · nieuw sinds de beoordeling' : ''}`),
        ),
      )
    : h('p', { class: 'hint' }, 'De machine vond geen bronnen om te beoordelen.');

  const publicNote = h('textarea', { id: 'beoordeling-publiek', name: 'publicNote', rows: '4', maxlength: '4000' }, review?.publicNote ?? '');
  const internalNote = h('textarea', { id: 'beoordeling-intern', name: 'internalNote', rows: '3', maxlength: '4000' }, review?.internalNote ?? '');
  const alert = h('div', { role: 'alert', class: 'error', id: 'beoordeling-fout', tabindex: '-1' });
  const progress = h('p', { role: 'status', class: 'progress' });
  const button = h('button', { type: 'submit' }, 'Beoordeling opslaan');
  // Handing the promise back to the machine: the log keeps what is withdrawn.
  const withdraw = review ? h('button', { type: 'button', class: 'secondary' }, 'Beoordeling intrekken') : null;

  /**
   * One write from the form (a save or a withdrawal): the button waits, a 409
   * redraws the page from the server with the editor's draft kept, and any
   * other refusal is said in the form, a lost session with a way back in.
   */
  const send = async ({ trigger, busy, path, body, done, failed, draft }) => {
    alert.replaceChildren();
    trigger.disabled = true;
    progress.textContent = busy;
    try {
      await post(path, body);
      progress.textContent = '';
      await onSaved(done);
    } catch (error) {
      progress.textContent = '';
      if (error.status === 409) {
        await onConflict(error.message, draft);
        return;
      }
      if (error.status === 401) {
        alert.append(h('p', {}, `${failed}: u bent niet meer aangemeld. `, h('a', { href: `/inloggen?terug=${encodeURIComponent(location.pathname)}` }, 'Opnieuw aanmelden'), ' (kopieer eerst uw tekst).'));
      } else {
        alert.append(h('p', {}, `${failed}. ${sentence(error.message)}`));
      }
      alert.focus();
    } finally {
      // Usable again whatever happened (after a redraw it is a detached node, which costs nothing).
      trigger.disabled = false;
    }
  };
  const currentDraft = () => ({ status: form.elements.namedItem('status').value, publicNote: publicNote.value, internalNote: internalNote.value });

  withdraw?.addEventListener('click', () =>
    send({
      trigger: withdraw,
      busy: 'Bezig met intrekken…',
      path: `/api/withdrawals/${idPath(id)}`,
      body: { revision: review.revision },
      done: 'De beoordeling is ingetrokken: de status is weer het voorstel van de machine.',
      failed: 'Niet ingetrokken',
      draft: currentDraft(),
    }),
  );
  const form = h(
    'form',
    { class: 'review-form', 'aria-labelledby': 'beoordelen-titel' },
    statusChoice,
    sourceFields,
    field(publicNote, 'Publieke toelichting', 'Iedereen ziet deze tekst op deze pagina, als gewone tekst (geen opmaak of links).'),
    field(internalNote, 'Interne notitie (alleen voor de redactie)', 'Alleen redacteurs zien deze notitie.'),
    alert,
    h('div', { class: 'form-actions' }, button, withdraw, progress),
  );

  if (conflict) {
    alert.append(h('p', {}, `Niet opgeslagen. ${sentence(conflict.message)}`));
    alert.append(
      h(
        'details',
        { open: true, class: 'draft' },
        h('summary', {}, 'Uw niet-opgeslagen invoer'),
        h('p', {}, `Status: ${labels[conflict.draft.status] ?? conflict.draft.status}`),
        h('p', {}, 'Publieke toelichting: ', h('span', { class: 'note' }, conflict.draft.publicNote || '(leeg)')),
        h('p', {}, 'Interne notitie: ', h('span', { class: 'note' }, conflict.draft.internalNote || '(leeg)')),
      ),
    );
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    // Judgements of sources this form does not list (none in practice) are kept as they were.
    const evidence = Object.fromEntries(Object.entries(review?.evidence ?? {}).filter(([key]) => proposed.has(key)));
    for (const select of selects) {
      if (select.value) evidence[select.dataset.key] = select.value;
      else delete evidence[select.dataset.key];
    }
    const draft = currentDraft();
    void send({
      trigger: button,
      busy: 'Bezig met opslaan…',
      path: `/api/reviews/${idPath(id)}`,
      body: { ...draft, evidence, revision: review?.revision ?? null },
      done: 'De beoordeling is opgeslagen.',
      failed: 'Niet opgeslagen',
      draft,
    });
  });

  return h(
    'section',
    { class: 'review-editor', id: 'beoordelen', 'aria-labelledby': 'beoordelen-titel' },
    h('h2', { id: 'beoordelen-titel' }, 'Beoordelen door de redactie'),
    review
      ? h('p', { class: 'meta' }, `Laatst beoordeeld door ${review.reviewer} op ${formatDateTime(review.reviewedAt)} (versie ${review.revision}).`)
      : h('p', { class: 'meta' }, 'Nog niet beoordeeld: de status is het voorstel van de machine.'),
    review?.internalNote ? h('div', { class: 'internal-note' }, h('p', { class: 'meta' }, 'Interne notitie:'), h('p', { class: 'note' }, review.internalNote)) : null,
    form,
    auditLog(log, numberOf, labels),
  );
}
