import i18n from 'i18next';

const TIME_ZONE = 'Europe/Stockholm';

// Swedish ISO-like formats ("2026-11-22 14:05") in both languages: unambiguous and what Swedish
// public-sector documents use. Always Stockholm time, whatever the browser's time zone.
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateFormat.format(date);
}

/** Midnight at the start (or end) of a calendar day in Stockholm, as an ISO timestamp with offset. */
export function stockholmDayBoundary(day: string, edge: 'start' | 'end'): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  // Find the UTC instant whose Stockholm wall clock is the wanted one (handles summer time).
  const wallClock = edge === 'start' ? Date.UTC(y, m - 1, d, 0, 0, 0, 0) : Date.UTC(y, m - 1, d, 23, 59, 59, 999);
  const offsetMinutes = stockholmOffsetMinutes(new Date(wallClock));
  return new Date(wallClock - offsetMinutes * 60_000).toISOString();
}

function stockholmOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(at);
  const name = parts.find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

export function isInFuture(iso: string | null | undefined): boolean {
  return Boolean(iso) && new Date(iso as string).getTime() > Date.now();
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'sv-SE').format(value);
}
