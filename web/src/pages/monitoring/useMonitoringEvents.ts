// Listens to the server's monitoring events (SSE on /api/events) while a monitoring page is open: refreshes
// the lists an event changes and hands a newly raised alarm to the page (to show it and sound the alarm).
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ALARMS, OVERVIEW, SENSORS, WARNINGS } from './monitoringApi';

/** What `monitoring.alarm.raised` carries in its `data`. */
export interface RaisedAlarm { id: string; level: number; message: string; value: number | null; raisedAt: string }

const REFRESH: Record<string, string[]> = {
  'monitoring.alarm.raised': [ALARMS, OVERVIEW, SENSORS],
  'monitoring.alarm.updated': [ALARMS, OVERVIEW, SENSORS],
  'monitoring.alarm.escalated': [ALARMS],
  'monitoring.warning.issued': [WARNINGS, OVERVIEW],
  'monitoring.warning.cancelled': [WARNINGS, OVERVIEW],
  'monitoring.device.changed': [SENSORS, OVERVIEW],
};
// Live values arrive many times a second across the county: refresh the sensor list at most this often.
const VALUES_EVERY_MS = 5_000;

export function useMonitoringEvents(onRaised?: (alarm: RaisedAlarm) => void, liveValues = false): void {
  const queryClient = useQueryClient();
  const raised = useRef(onRaised);
  raised.current = onRaised;
  useEffect(() => {
    const source = new EventSource('/api/events');
    const refresh = (keys: string[]) => keys.forEach((key) => void queryClient.invalidateQueries({ queryKey: [key] }));
    for (const [type, keys] of Object.entries(REFRESH)) {
      source.addEventListener(type, (e: MessageEvent<string>) => {
        refresh(keys);
        if (type === 'monitoring.alarm.raised') {
          const data = (JSON.parse(e.data) as { data?: RaisedAlarm }).data;
          if (data) raised.current?.(data);
        }
      });
    }
    let last = 0;
    const values = () => {
      if (Date.now() - last < VALUES_EVERY_MS) return;
      last = Date.now();
      refresh([SENSORS]);
    };
    if (liveValues) source.addEventListener('monitoring.values', values);
    return () => source.close();
  }, [queryClient, liveValues]);
}
