// Fetches from the JSON API; an error answer becomes an Error with the server's message.
export async function getJson(path, params) {
  const url = params ? `${path}?${new URLSearchParams(Object.entries(params).filter(([, v]) => v !== '' && v != null))}` : path;
  const response = await fetch(url, { headers: { accept: 'application/json' } });
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
    throw error;
  }
  return body;
}

export function idPath(id) {
  return id.split('/').map(encodeURIComponent).join('/');
}
