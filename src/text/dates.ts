// Dates as a Dutch reader writes them: "21 mei 2021".

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** `YYYY-MM-DD` (or a longer ISO string) as "21 mei 2021"; anything else is returned unchanged. */
export function formatDutchDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (!match) return isoDate;
  const month = MONTHS[Number(match[2]) - 1];
  const day = Number(match[3]);
  if (month === undefined || day < 1 || day > 31) return isoDate;
  return `${day} ${month} ${match[1]}`;
}
