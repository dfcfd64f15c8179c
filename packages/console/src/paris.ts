/**
 * Dates and times as the teams type them (a day and hours in Paris) and as the API keeps them
 * (ISO 8601 instants with their offset), both ways, through Intl's time zone data.
 */
const parts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** The day and time in Paris of an instant: `{ date: '2026-12-12', time: '14:00' }`. */
export function parisParts(iso: string): { date: string; time: string } {
  const p = Object.fromEntries(parts.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** The instant of a day and time in Paris, with Paris's offset on that day (+01:00 or +02:00). */
export function parisInstant(date: string, time: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${date}T${time}:00${offset}`;
    if (Number.isNaN(Date.parse(iso))) break;
    const back = parisParts(iso);
    if (back.date === date && back.time === time) return iso;
  }
  // A time that does not exist in Paris (the spring change) or a malformed one: the API says so.
  return `${date}T${time}:00+01:00`;
}
