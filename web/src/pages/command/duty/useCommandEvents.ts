// Live updates for the duty desk: listens to the server's event stream for new incidents, alarms, report deadlines and
// duty changes, refreshes what they change, and chimes for what needs a person now (a new report, a new alarm, an overdue
// report). Browsers only play sound after the user has clicked on the page, so the desk offers a switch that unlocks it.
import { useEffect, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';

/** Event types → whether they chime. */
const EVENTS: Record<string, boolean> = {
  'incident.created': true, 'incident.updated': false, 'monitoring.alarm.raised': true, 'monitoring.alarm.updated': false, 'monitoring.alarm.escalated': true,
  'command.report.overdue': true, 'command.report.due': true, 'command.report.sent': false, 'command.duty.updated': false,
};

/** Query-key prefixes the desk reads; every event refreshes them. */
export const DESK_KEYS = ['/api/command/duty/desk', '/api/command/mode', '/api/monitoring/alarms', '/api/command/duty/handovers', '/api/command/duty/logs'];

let audio: AudioContext | null = null;

/** Make sound possible (call from a click). */
export function unlockSound(): void {
  audio ??= new AudioContext();
  void audio.resume();
}

/** Two short tones (no sound file needed). */
export function chime(): void {
  if (!audio || audio.state !== 'running') return;
  [880, 660].forEach((hz, i) => {
    const osc = audio!.createOscillator();
    const gain = audio!.createGain();
    osc.frequency.value = hz;
    gain.gain.setValueAtTime(0.15, audio!.currentTime + i * 0.25);
    gain.gain.exponentialRampToValueAtTime(0.001, audio!.currentTime + i * 0.25 + 0.22);
    osc.connect(gain).connect(audio!.destination);
    osc.start(audio!.currentTime + i * 0.25);
    osc.stop(audio!.currentTime + i * 0.25 + 0.24);
  });
}

/** Subscribe while mounted; `onNew` hears the types that chime (with the event's data). */
export function useCommandEvents(sound: boolean, onNew?: (type: string, data: unknown) => void): void {
  const queryClient = useQueryClient();
  const latest = useRef({ sound, onNew });
  latest.current = { sound, onNew };
  useEffect(() => {
    const source = new EventSource('/api/events');
    for (const [type, loud] of Object.entries(EVENTS)) {
      source.addEventListener(type, (e) => {
        for (const key of DESK_KEYS) void queryClient.invalidateQueries({ queryKey: [key] });
        if (!loud) return;
        if (latest.current.sound) chime();
        let data: unknown = null;
        try { data = (JSON.parse((e as MessageEvent).data) as { data?: unknown }).data; } catch { /* an event without data */ }
        latest.current.onNew?.(type, data);
      });
    }
    return () => source.close();
  }, [queryClient]);
}
