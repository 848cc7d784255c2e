// The editors' login page. After logging in the editor returns to the page
// they came from (`?terug=/belofte/...`), or to the review queue.
import { h, sentence } from './dom.js';
import { login, returnPath, session } from './session.js';

export async function renderLogin(main, { params, navigate, signal }) {
  const target = returnPath(params.get('terug'));
  const { user } = await session();
  if (signal.aborted) return;
  if (user) {
    main.append(
      h('h1', { tabindex: '-1' }, 'Aanmelden voor de redactie'),
      h('p', {}, `U bent aangemeld als ${user.name}.`),
      h('p', {}, h('a', { href: target }, target === '/redactie' ? 'Naar de beoordelingswachtrij' : 'Terug naar de pagina waar u was')),
    );
    return;
  }
  const name = h('input', { id: 'login-naam', name: 'name', type: 'text', required: true, maxlength: '100', autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-wachtwoord', name: 'password', type: 'password', required: true, autocomplete: 'current-password' });
  // The alert exists (empty) from the start, so screen readers announce the text set into it.
  const alert = h('p', { role: 'alert', class: 'error', id: 'login-fout' });
  const button = h('button', { type: 'submit' }, 'Aanmelden');
  const form = h(
    'form',
    { class: 'login-form', 'aria-describedby': 'login-fout' },
    h('div', { class: 'field' }, h('label', { for: name.id }, 'Gebruikersnaam'), name),
    h('div', { class: 'field' }, h('label', { for: password.id }, 'Wachtwoord'), password),
    alert,
    button,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    alert.textContent = '';
    button.disabled = true;
    try {
      await login(name.value.trim(), password.value);
      if (!signal.aborted) navigate(target);
    } catch (error) {
      if (signal.aborted) return;
      alert.textContent = `Aanmelden mislukt. ${sentence(error.message)}`;
      password.value = '';
      password.focus();
    } finally {
      button.disabled = false;
    }
  });
  main.append(
    h('h1', { tabindex: '-1' }, 'Aanmelden voor de redactie'),
    h('p', { class: 'lead' }, 'Alleen voor redacteurs: na het aanmelden kunt u de status van beloften beoordelen. Lezers hebben geen account nodig.'),
    form,
  );
}
