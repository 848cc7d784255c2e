// Editors' accounts and logging in: the rules both the CLI (`user add`,
// `user list`, `user disable`) and the server (login, the users API) follow.
import { InputError } from '../errors.js';
import { ROLES, type Role, type StoredUser } from '../store/editorial.js';
import type { Store } from '../store/store.js';
import { lockAfterFailure, lockedSeconds } from './login-limit.js';
import { checkPasswordRules, hashPassword, UNKNOWN_USER_HASH, verifyPassword } from './passwords.js';

const NAME = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export function checkUserName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  if (!NAME.test(trimmed)) throw new InputError(`ongeldige gebruikersnaam "${name.slice(0, 60)}": 2 tot 40 tekens, kleine letters, cijfers, punt, koppelteken of liggend streepje`);
  return trimmed;
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) throw new InputError(`ongeldige rol "${role.slice(0, 40)}": kies ${ROLES.join(' of ')}`);
  return role as Role;
}

/** Adds an account with a hashed password; InputError for a bad name, role or password, or a taken name. */
export async function addAccount(store: Store, name: string, role: string, password: string, now = new Date()): Promise<StoredUser> {
  const user = { name: checkUserName(name), role: checkRole(role), passwordHash: '', createdAt: now.toISOString() };
  checkPasswordRules(password);
  user.passwordHash = await hashPassword(password);
  await store.addUser(user);
  return { ...user, disabledAt: null, failedLogins: 0, lockedUntil: null };
}

const unknownUser = (name: string) => new InputError(`geen gebruiker "${name.slice(0, 60)}"`);

export async function disableAccount(store: Store, name: string, now = new Date()): Promise<void> {
  if (!(await store.setUserDisabled(checkUserName(name), now.toISOString()))) throw unknownUser(name);
}

export async function enableAccount(store: Store, name: string): Promise<void> {
  if (!(await store.setUserDisabled(checkUserName(name), null))) throw unknownUser(name);
}

/** A new password (the old sessions end, a lock is lifted). */
export async function resetPassword(store: Store, name: string, password: string): Promise<void> {
  checkPasswordRules(password);
  if (!(await store.setPassword(checkUserName(name), await hashPassword(password)))) throw unknownUser(name);
}

export type LoginResult =
  | { ok: true; user: StoredUser }
  | { ok: false; reason: 'wrong' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

/**
 * Checks a name and password. An unknown name, a disabled account and a wrong
 * password all answer `wrong` after the same scrypt work; a locked account
 * answers `locked` without checking the password at all.
 */
export async function login(store: Store, name: string, password: string, now = new Date()): Promise<LoginResult> {
  const key = name.trim().toLowerCase();
  const user = NAME.test(key) ? await store.user(key) : null;
  const locked = lockedSeconds(user?.lockedUntil ?? null, now);
  if (user && locked > 0) return { ok: false, reason: 'locked', retryAfterSeconds: locked };
  const matches = await verifyPassword(password, user?.passwordHash ?? UNKNOWN_USER_HASH);
  if (!user || user.disabledAt) return { ok: false, reason: 'wrong' };
  if (!matches) {
    const failed = user.failedLogins + 1;
    await store.setLoginFailures(user.name, failed, lockAfterFailure(failed, now));
    return { ok: false, reason: 'wrong' };
  }
  if (user.failedLogins > 0 || user.lockedUntil) await store.setLoginFailures(user.name, 0, null);
  return { ok: true, user };
}
