// Password hashing with scrypt from Node's own crypto (maintained with the
// runtime, no native add-on to build). The stored form names its parameters,
// so they can be raised later without invalidating existing accounts.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { InputError } from '../errors.js';

/** OWASP's scrypt minimum is N=2^17, r=8, p=1; 2^15 with r=8 costs about 50 ms here and 32 MiB. */
const COST = 2 ** 15;
const BLOCK_SIZE = 8;
const PARALLELISM = 1;
const KEY_BYTES = 32;
const SALT_BYTES = 16;

export const MIN_PASSWORD_CHARS = 12;
export const MAX_PASSWORD_CHARS = 1024;

function derive(password: string, salt: Buffer, options: ScryptOptions, keyBytes: number): Promise<Buffer> {
  const maxmem = 256 * (options.N ?? COST) * (options.r ?? BLOCK_SIZE);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyBytes, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Refuses a password that is too short or too long (an InputError that says which). */
export function checkPasswordRules(password: string): void {
  if ([...password].length < MIN_PASSWORD_CHARS) throw new InputError(`het wachtwoord moet minstens ${MIN_PASSWORD_CHARS} tekens lang zijn`);
  if (password.length > MAX_PASSWORD_CHARS) throw new InputError(`het wachtwoord mag hoogstens ${MAX_PASSWORD_CHARS} tekens lang zijn`);
}

/** `scrypt$N$r$p$<salt>$<key>` (base64url). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, { N: COST, r: BLOCK_SIZE, p: PARALLELISM }, KEY_BYTES);
  return ['scrypt', COST, BLOCK_SIZE, PARALLELISM, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Whether the password matches the stored hash; false (never an error) for a hash in another form. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key || password.length > MAX_PASSWORD_CHARS) return false;
  const expected = Buffer.from(key, 'base64url');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  if (![options.N, options.r, options.p].every(Number.isInteger) || expected.length === 0) return false;
  const actual = await derive(password, Buffer.from(salt, 'base64url'), options, expected.length);
  return timingSafeEqual(actual, expected);
}

/**
 * A hash no password matches, checked for unknown names, so that a login
 * takes as long whether or not the account exists.
 */
export const UNKNOWN_USER_HASH = `scrypt$${COST}$${BLOCK_SIZE}$${PARALLELISM}$${Buffer.alloc(SALT_BYTES).toString('base64url')}$${Buffer.alloc(KEY_BYTES).toString('base64url')}`;
