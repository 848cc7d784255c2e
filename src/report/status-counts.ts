// Counting commitments per status: the batch index, the web overview and the
// index page all add up the same numbers.
import type { CommitmentStatus } from './model.js';

export type StatusCounts = Record<CommitmentStatus, number>;

export function emptyStatusCounts(): StatusCounts {
  return { gerealiseerd: 0, 'in-uitvoering': 0, aangekondigd: 0, 'geen-spoor': 0 };
}

/** The number of commitments per status. */
export function countStatuses(commitments: readonly { status: CommitmentStatus }[]): StatusCounts {
  const counts = emptyStatusCounts();
  for (const commitment of commitments) counts[commitment.status]++;
  return counts;
}

/** Adds `counts` into `total` (missing statuses count as 0) and returns `total`. */
export function addStatusCounts(total: StatusCounts, counts: Partial<StatusCounts>): StatusCounts {
  for (const status of Object.keys(total) as CommitmentStatus[]) total[status] += counts[status] ?? 0;
  return total;
}
