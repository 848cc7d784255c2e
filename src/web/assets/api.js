// Talks to the JSON API; an error answer becomes an Error with the server's message.

/**
 * The JSON body of an answer; for an error answer, throws an Error with the
 * server's message, its `.status` and the answer's `.body` (a 409 carries the
 * review that won).
 */
export async function answerOf(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // handled below
  }
  if (!response.ok) {
    const message = body && typeof body.error === 'string' ? body.error : `de server antwoordde met status ${response.status}`;
    const error = new Error(message);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

export async function getJson(path, params) {
  const url = params ? `${path}?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null))}` : path;
  return answerOf(await fetch(url, { headers: { accept: 'application/json' } }));
}

export function idPath(id) {
  return id.split('/').map(encodeURIComponent).join('/');
}
