// Two kinds of failure, mapped to the CLI's exit codes (DESIGN.md):
// bad input or usage -> 2, anything else at run time -> 1.

/** The user's input (a file, a flag, a query) is wrong; the message says what and where. */
export class InputError extends Error {
  override readonly name = 'InputError';
}

/** Something the input could not help: the store is missing, a server failed, ... */
export class RuntimeFailure extends Error {
  override readonly name = 'RuntimeFailure';
}

/** The database does not answer (frozen, down, overloaded): worth retrying later; a server answers 503. */
export class StoreUnavailableError extends RuntimeFailure {
  override readonly name = 'RuntimeFailure';
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
