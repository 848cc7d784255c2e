/** How long-running steps report progress; the CLI draws bars, tests stay silent. */
export interface Progress {
  /** Starts a step; `total` when the amount of work is known. */
  start(step: string, total?: number): void;
  /** Advances the current step to `done` units. */
  update(done: number): void;
  /** Ends the current step with a one-line result. */
  finish(result: string): void;
  /** Reports a skipped record or other non-fatal problem. */
  warn(message: string): void;
}

export const silentProgress: Progress = {
  start() {},
  update() {},
  finish() {},
  warn() {},
};
