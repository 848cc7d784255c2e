// Shared by the search benchmarks: the short queries they time, percentiles,
// and a timing loop over in-process searches.
import { rankDocuments } from '../dist/search/service.js';

export const shortQueries = [
  'LIVC-R samenwerkingsakkoord', 'kinderopvang groeipad', 'verbindingsofficier', 'herbestemming parochiekerken',
  'mestbeleid stikstof', 'sociale huurwoningen', 'hoppinpunten', 'Vlaamse Rand', 'duaal leren', 'luchthaven Zaventem',
];

export const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Milliseconds per search (k = 20), `rounds` times over the queries after a short warm-up. */
export function timeSearches(loaded, queries, rounds) {
  for (const query of queries.slice(0, 5)) rankDocuments(loaded, { query, k: 20 });
  const times = [];
  for (let r = 0; r < rounds; r++) {
    for (const query of queries) {
      const start = performance.now();
      rankDocuments(loaded, { query, k: 20 });
      times.push(performance.now() - start);
    }
  }
  return times;
}
