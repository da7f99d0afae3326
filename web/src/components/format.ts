// The one date-time format of the interface.
import dayjs from 'dayjs';

/** `2026-03-08 14:05`, or `—` when there is no time. */
export function formatTime(value: string | null | undefined): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '—';
}
