// The editor's session as this page knows it: asked from the server once, then
// kept up to date by logging in and out here. The session cookie itself is
// HttpOnly; the page only ever holds the CSRF token that writes must echo.
import { answerOf, getJson } from './api.js';

let current = null;
const listeners = new Set();

/** `{ user: {name, role} | null, csrfToken }`; one request per page load. */
export function session() {
  // A failed look-up counts as logged out: the public pages must work without it.
  current ??= getJson('/api/session').catch(() => ({ user: null, csrfToken: null }));
  return current;
}

function set(next) {
  current = Promise.resolve(next);
  for (const listener of listeners) listener(next);
}

/** The server no longer knows this session (it answered 401): the page shows a reader's view from now on. */
export function sessionEnded() {
  set({ user: null, csrfToken: null });
}

/** Calls `listener(session)` after every login and logout on this page. */
export function onSessionChange(listener) {
  listeners.add(listener);
}

/**
 * POSTs `body` as JSON with the session's CSRF token. A failure throws an Error
 * with the server's message, its `.status` and the answer's `.body` (a 409
 * carries the review that won). A 401 means the session ended elsewhere.
 */
export async function post(path, body) {
  const { csrfToken } = await session();
  const headers = { 'content-type': 'application/json', accept: 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = fetch(path, { method: 'POST', headers, body: JSON.stringify(body), credentials: 'same-origin' });
  // A wrong password is a 401 too, but no session ended.
  return path === '/api/login' ? answerOf(await response) : asEditor(response.then(answerOf));
}

/** GETs what only editors may read (the review form's data, the queue); a 401 ends the session here as in post(). */
export function getAsEditor(path, params) {
  return asEditor(getJson(path, params));
}

// The server no longer knows the session (expired, account disabled): the page follows, and the caller hears why.
async function asEditor(answer) {
  try {
    return await answer;
  } catch (error) {
    if (error.status === 401) sessionEnded();
    throw error;
  }
}

export async function login(name, password) {
  const answer = await post('/api/login', { name, password });
  set({ user: answer.user, csrfToken: answer.csrfToken });
  return answer.user;
}

export async function logout() {
  try {
    await post('/api/logout', {});
  } catch (error) {
    // Already logged out on the server (expired session): the page follows.
    if (error.status !== 401) throw error;
  }
  set({ user: null, csrfToken: null });
}

/**
 * Where to go after logging in: only a path on this site ("/..."), never "//host"
 * or "/\host" (which browsers read as another host), else the review queue.
 */
export function returnPath(value) {
  if (typeof value !== 'string' || !/^\/(?![/\\])/.test(value) || /[\u0000-\u001f]/.test(value)) return '/redactie';
  const url = new URL(value, location.origin);
  if (url.origin !== location.origin || url.pathname === '/inloggen') return '/redactie';
  return url.pathname + url.search + url.hash;
}
