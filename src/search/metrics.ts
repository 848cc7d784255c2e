// Retrieval metrics as DESIGN.md defines them ("Measuring retrieval").

/** Share of the relevant ids found in the first k of the ranking (0 when nothing is relevant). */
export function recallAt(ranking: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let found = 0;
  for (const id of ranking.slice(0, k)) if (relevant.has(id)) found++;
  return found / relevant.size;
}

/** Normalised discounted cumulative gain at k with binary relevance. */
export function ndcgAt(ranking: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((id, i) => {
    if (relevant.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/** nDCG at k with graded relevance (gain 2^grade - 1); unjudged documents count as 0. */
export function gradedNdcgAt(ranking: readonly string[], grades: Readonly<Record<string, number>>, k: number): number {
  let dcg = 0;
  ranking.slice(0, k).forEach((id, i) => {
    dcg += (2 ** (Object.hasOwn(grades, id) ? grades[id]! : 0) - 1) / Math.log2(i + 2);
  });
  const ideal = Object.values(grades)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  return ideal === 0 ? 0 : dcg / ideal;
}

/** A metric as reported: three decimals, as the reference scorers print them. */
export const round3 = (x: number) => Math.round(x * 1000) / 1000;
