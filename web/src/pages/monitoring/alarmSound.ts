// The duty screen's alarm sound: a short two-tone beep through WebAudio (no audio file), and the
// muted switch, remembered in this browser.
import { useCallback, useState } from 'react';

const MUTED_KEY = 'yingji.alarmSoundMuted';
let context: AudioContext | null = null;

/** Beeps `times` times (a 二级报警 beeps more). Browsers allow sound only after the user has clicked the page. */
export function beep(times = 2): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime;
    for (let i = 0; i < times; i++) {
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'square';
      osc.frequency.value = i % 2 ? 660 : 880;
      gain.gain.setValueAtTime(0.0001, start + i * 0.35);
      gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.35 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.35 + 0.3);
      osc.connect(gain).connect(context.destination);
      osc.start(start + i * 0.35);
      osc.stop(start + i * 0.35 + 0.32);
    }
  } catch {
    // No audio device or WebAudio: the alarm still shows on screen.
  }
}

/** Whether the alarm sound is muted here, and the switch. */
export function useAlarmSound(): { muted: boolean; setMuted: (muted: boolean) => void; play: (level: number) => void } {
  const [muted, set] = useState(() => localStorage.getItem(MUTED_KEY) === '1');
  const setMuted = useCallback((m: boolean) => {
    if (m) localStorage.setItem(MUTED_KEY, '1'); else localStorage.removeItem(MUTED_KEY);
    set(m);
    if (!m) beep(1); // unmuting is a click: it unlocks audio and lets the user hear the sound
  }, []);
  const play = useCallback((level: number) => { if (!muted) beep(level >= 2 ? 4 : 2); }, [muted]);
  return { muted, setMuted, play };
}
