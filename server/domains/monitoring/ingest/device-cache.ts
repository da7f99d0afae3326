// The ingester's view of the registry: device by key, sensors by code and id, and where an alarm belongs.
// Entries live a minute; a registry change drops them at once (here, and in other processes through the bus).
import { hashApiKey } from '../../../platform/auth/api-keys.js';
import type { Db } from '../../../platform/db/db.js';
import { findEnterpriseBrief } from '../../enterprises/directory.js';
import type { AlarmPlace } from '../alarms/alarms.raise.js';
import { deviceIdByKeyHash, loadIngestDevice } from '../registry/devices.store.js';
import { deviceSensors, type SensorConfigRow } from '../registry/sensors.store.js';

export interface CachedDevice {
  id: string; code: string; status: string; apiKeyId: string | null; place: AlarmPlace;
  sensorsByCode: Map<string, SensorConfigRow>;
}

const TTL_MS = 60_000;

/** Device and sensor lookups of the ingester, kept a minute. */
export class DeviceCache {
  private readonly devices = new Map<string, { at: number; p: Promise<CachedDevice | undefined> }>();
  private readonly keys = new Map<string, { at: number; p: Promise<string | undefined> }>();
  private readonly sensors = new Map<string, { sensor: SensorConfigRow; device: CachedDevice }>();

  constructor(private readonly db: Db) {}

  /** The device (with its sensors), or undefined when it does not exist. */
  device(id: string): Promise<CachedDevice | undefined> {
    const hit = this.devices.get(id);
    if (hit && performance.now() - hit.at < TTL_MS) return hit.p;
    const p = this.load(id);
    this.devices.set(id, { at: performance.now(), p });
    p.catch(() => this.devices.delete(id));
    return p;
  }

  /** The device a live key belongs to (not a disabled one). */
  async deviceByKey(key: string | undefined | null): Promise<CachedDevice | undefined> {
    if (!key || key.length > 200) return undefined;
    const hash = hashApiKey(key);
    let hit = this.keys.get(hash);
    if (!hit || performance.now() - hit.at >= TTL_MS) {
      hit = { at: performance.now(), p: deviceIdByKeyHash(this.db, hash) };
      this.keys.set(hash, hit);
      hit.p.catch(() => this.keys.delete(hash));
      if (this.keys.size > 100_000) this.keys.clear();
    }
    const id = await hit.p;
    return id ? this.device(id) : undefined;
  }

  /** A sensor of a device already loaded, with its device (for rule evaluation). */
  sensor(id: string) { return this.sensors.get(id); }

  /** Forget a device (its key may have changed too). */
  invalidate(deviceId: string) {
    this.devices.delete(deviceId);
    for (const [id, s] of this.sensors) if (s.device.id === deviceId) this.sensors.delete(id);
    this.keys.clear();
  }

  private async load(id: string): Promise<CachedDevice | undefined> {
    const d = await loadIngestDevice(this.db, id);
    if (!d) return undefined;
    const e = d.enterprise_id ? await findEnterpriseBrief(this.db, { kind: 'all' }, d.enterprise_id) : undefined;
    const sensors = await deviceSensors(this.db, id);
    const device: CachedDevice = {
      id: d.id, code: d.code, status: d.status, apiKeyId: d.api_key_id, sensorsByCode: new Map(sensors.map((s) => [s.code, s])),
      place: {
        deviceId: d.id, deviceName: d.name, regionCode: d.region_code, enterpriseId: d.enterprise_id, enterpriseName: e?.name ?? null,
        regulatorOrgId: e?.regulatorOrgId ?? null, facilityId: d.facility_id, facilityName: d.facility_name, placeName: d.place_name,
        phones: (d.responsible ?? []).map((r) => r.phone).filter((x): x is string => !!x),
      },
    };
    for (const s of sensors) this.sensors.set(s.id, { sensor: s, device });
    return device;
  }
}
