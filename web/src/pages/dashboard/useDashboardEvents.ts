// Refreshes the dashboard when the server reports a change to what it counts (SSE on /api/events). Changes come in
// bursts (a scan flags many hazards at once), so the figures are fetched again at most once every 10 seconds.
import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';

export const DASHBOARD = '/api/dashboard';
/** Event types that change a dashboard figure (monitoring.values, many a second, does not). */
const CHANGES = [
  'hazard.reported', 'hazard.deadlines', 'enterprise.status', 'monitoring.alarm.raised', 'monitoring.alarm.updated', 'monitoring.warning.issued',
  'monitoring.warning.cancelled', 'monitoring.device.changed', 'incident.updated', 'command.duty.updated', 'flood.response.started',
];
const AT_MOST_EVERY_MS = 10_000;

export function useDashboardEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const source = new EventSource('/api/events');
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      if (timer) return;
      const wait = Math.max(0, last + AT_MOST_EVERY_MS - Date.now());
      timer = setTimeout(() => {
        timer = undefined;
        last = Date.now();
        void queryClient.invalidateQueries({ queryKey: [DASHBOARD] });
      }, wait);
    };
    for (const type of CHANGES) source.addEventListener(type, refresh);
    return () => { if (timer) clearTimeout(timer); source.close(); };
  }, [queryClient]);
}
