// The nearby query behind the command map, callable without HTTP (the benchmark measures this function).
import type { MapLayer, Nearby } from '../../../../contracts/command-reports.js';
import type { Actor } from '../../../platform/auth/actor.js';
import type { Queryable } from '../../../platform/db/db.js';
import type { ResourcesDirectory } from '../ports.js';
import {
  alarmsNear, type Centre, enterprisesNear, facilitiesNear, hazardSourcesNear, hazardsNear, sensorsNear, villagesNear,
} from './nearby.store.js';
import { maskPhone } from '../../../platform/personal/personal.js'; // phones masked (issue #11); revealed by entity and id

/** At most this many points per layer: a map with more is unreadable, and the nearest come first. */
export const LAYER_LIMIT = 500;

const m = (x: number) => Math.round(x);

/** Everything of the wanted layers within `radiusM` of the incident's point, each layer in the caller's scope. */
export async function nearbyLayers(db: Queryable, actor: Actor, resources: ResourcesDirectory,
  incident: { id: string; number: string; title: string; address: string; lng: number; lat: number }, radiusM: number, layers: MapLayer[]): Promise<Nearby> {
  const c: Centre = { lng: incident.lng, lat: incident.lat, radiusM };
  const on = (l: MapLayer) => layers.includes(l);
  const notes: string[] = [];
  const none = Promise.resolve([]);
  const [enterprises, sources, sensors, alarms, hazards, facilities, villages] = await Promise.all([
    on('enterprises') ? enterprisesNear(db, actor, c, LAYER_LIMIT) : none,
    on('hazardSources') ? hazardSourcesNear(db, actor, c, LAYER_LIMIT) : none,
    on('sensors') ? sensorsNear(db, actor, c, LAYER_LIMIT) : none,
    on('alarms') ? alarmsNear(db, actor, c, LAYER_LIMIT) : none,
    on('hazards') ? hazardsNear(db, actor, c, LAYER_LIMIT) : none,
    on('facilities') ? facilitiesNear(db, actor, c, LAYER_LIMIT) : none,
    on('villages') ? villagesNear(db, actor, c, LAYER_LIMIT) : none,
  ]);
  const kinds = [...(on('resources') ? ['team', 'expert', 'warehouse', 'equipment'] as const : []), ...(on('shelters') ? ['shelter'] as const : [])];
  const res = kinds.length
    ? await resources.nearestResources(db, actor, { lng: c.lng, lat: c.lat, radiusM, kinds: [...kinds], limit: 50 }).catch((e: Error) => {
      notes.push(`救援力量与物资暂时无法读取：${e.message}`);
      return [];
    })
    : [];
  const point = (r: { id: string; name: string; lng: number; lat: number; distance_m: number }) => ({ id: r.id, name: r.name, lng: r.lng, lat: r.lat, distanceM: m(r.distance_m) });
  const resPoint = (r: (typeof res)[number]) => ({ id: r.id, name: r.name, lng: r.lng, lat: r.lat, distanceM: m(r.distanceM), summary: r.summary, contact: r.contact, phone: maskPhone(r.phone), available: r.available });
  return {
    incident: { id: incident.id, number: incident.number, title: incident.title, lng: incident.lng, lat: incident.lat, address: incident.address },
    radiusM, layers,
    enterprises: enterprises.map((e) => ({ ...point(e), riskLevel: e.risk_level, sector: e.sector, status: e.status, principal: e.principal_name, phone: maskPhone(e.principal_phone),
      majorHazardSources: e.sources })),
    hazardSources: sources.map((s) => ({ ...point(s), enterpriseId: s.enterprise_id, enterpriseName: s.enterprise_name, grade: s.grade, unitKind: s.unit_kind })),
    sensors: sensors.map((s) => ({ ...point(s), code: s.code, type: s.type, unit: s.unit, deviceName: s.device_name, latest: s.value, latestAt: s.at ? new Date(s.at).toISOString() : null })),
    alarms: alarms.map((a) => ({ ...point(a), level: a.level, status: a.status, message: a.message, raisedAt: new Date(a.raised_at).toISOString() })),
    hazards: hazards.map((h) => ({ ...point(h), number: h.number, level: h.level, status: h.status, deadline: h.deadline })),
    resources: res.filter((r) => r.kind !== 'shelter').map((r) => ({ ...resPoint(r), kind: r.kind })),
    shelters: res.filter((r) => r.kind === 'shelter').map(resPoint),
    facilities: facilities.map((f) => ({ ...point(f), kind: f.kind, openAlarms: f.open_alarms })),
    villages: villages.map((v) => ({ code: v.code, name: v.name, lng: v.lng, lat: v.lat, distanceM: m(v.distance_m), population: v.population, households: v.households })),
    populationWithin: villages.reduce((n, v) => n + (v.population ?? 0), 0),
    notes,
  };
}
