// Start and stop ingestion for `yingji serve`: MQTT (embedded broker or external subscription); HTTP ingestion is a
// route and the batch writer stops with the app.
import type { Platform } from '../../../platform/context.js';
import { startMqttIngestion } from './mqtt.js';

/** Start MQTT ingestion and print where devices connect (or why they cannot); returns the stop function. */
export async function startIngestion(p: Platform, print: (line: string) => void = console.log): Promise<() => Promise<void>> {
  const mqtt = await startMqttIngestion(p, p.config.monitoring);
  print(mqtt.message);
  return () => mqtt.stop();
}
