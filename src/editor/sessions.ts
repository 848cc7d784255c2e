// Login sessions: a random id in an HttpOnly cookie, only its sha256 in the
// store (a leaked database opens no session), a CSRF token per session that
// every state-changing request must echo in a header.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { StoredSession } from '../store/editorial.js';

export const SESSION_COOKIE = 'beloftemeter_sessie';
export const CSRF_HEADER = 'x-csrf-token';
/** A working day and a bit: an editor logs in again the next morning. */
export const SESSION_HOURS = 12;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

/** A new session for a user: the id for the cookie, the record for the store. */
export function newSession(userName: string, now: Date = new Date()): { id: string; session: StoredSession } {
  const id = randomBytes(32).toString('base64url');
  return {
    id,
    session: {
      idHash: hashSessionId(id),
      userName,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    },
  };
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
