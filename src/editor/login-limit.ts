// Limits on guessing passwords. Per account (in the store, so every server
// process counts the same failures): after a few failures the account is
// locked for a while, doubling with every further failure. Per client address
// (in memory): many failures on any accounts are refused for a while.
export const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3_600_000;

/** Until when an account stays locked after its `failedLogins`-th failure in a row; null while under the limit. */
export function lockAfterFailure(failedLogins: number, now: Date): string | null {
  if (failedLogins < FREE_FAILURES) return null;
  const ms = Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failedLogins - FREE_FAILURES));
  return new Date(now.getTime() + ms).toISOString();
}

/** Seconds until the lock ends; 0 when not locked. */
export function lockedSeconds(lockedUntil: string | null, now: Date): number {
  if (!lockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 1000));
}

export interface AddressLimiter {
  /** Seconds to wait before this address may try again; 0 when it may. */
  blockedFor(address: string, now?: number): number;
  failed(address: string, now?: number): void;
}

/** At most `maxFailures` failed logins per address within `windowMs` (a sliding window, bounded memory). */
export function addressLimiter(maxFailures = 20, windowMs = 15 * 60_000, maxAddresses = 10_000): AddressLimiter {
  const failures = new Map<string, number[]>();
  const recent = (address: string, now: number) => (failures.get(address) ?? []).filter((t) => now - t < windowMs);
  return {
    blockedFor(address, now = Date.now()) {
      const times = recent(address, now);
      if (times.length < maxFailures) return 0;
      return Math.ceil((times[0]! + windowMs - now) / 1000);
    },
    failed(address, now = Date.now()) {
      const times = recent(address, now);
      times.push(now);
      failures.delete(address);
      failures.set(address, times);
      // The oldest address is forgotten first: a flood of addresses cannot grow the map without bound.
      if (failures.size > maxAddresses) failures.delete(failures.keys().next().value!);
    },
  };
}
