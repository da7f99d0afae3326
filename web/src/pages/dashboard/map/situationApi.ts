// 一张图's data on the web: the layer catalogue, the shown layers' points (one query per layer, so switching a layer
// on fetches only it), the markers and legend they make, and the live refresh over SSE shared by the map and the wall.
import { useEffect, useRef } from 'react';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Feature, FeatureCollection, LayerCatalogue, LayerInfo } from '../../../../../contracts/situation';
import { api } from '../../../api/client';
import type { MapArea, MapMarker } from '../../../components/map';

export const CATALOGUE = '/api/situation/layers';

/** The time the timed layers show: what is live now, or a range (ISO instants). */
export type TimeWindow = { mode: 'live' } | { mode: 'range'; from: string; to: string };

/** Layers the switcher turns on at first: the serious and the live. */
export const DEFAULT_ON = ['enterprises', 'hazardSources', 'hazards', 'alarms', 'incidents', 'warnings'];

/** Higher ranks win a cluster's colour: an incident or an alarm shows through a cloud of enterprises. */
const LAYER_RANK: Record<string, number> = {
  incidents: 90, alarms: 80, warnings: 70, hazardSources: 60, hazards: 50, torrents: 40, flood: 35, shelters: 30, resources: 25, sensors: 20, enterprises: 10,
};

export interface SituationMarker extends MapMarker { layer: LayerInfo; feature: Feature; kindLabel: string }

export function useCatalogue() {
  return useQuery({ queryKey: [CATALOGUE], queryFn: () => api.get<LayerCatalogue>(CATALOGUE), staleTime: 10 * 60_000 });
}

/** The points of each shown layer; the timed layers with the window. */
export function useLayerData(layers: LayerInfo[], time: TimeWindow, regionCode?: string) {
  const results = useQueries({
    queries: layers.map((l) => {
      const params = { regionCode, ...(l.timed && time.mode === 'range' ? { from: time.from, to: time.to } : {}) };
      return {
        queryKey: [CATALOGUE, l.key, params],
        queryFn: () => api.get<FeatureCollection>(`${CATALOGUE}/${l.key}`, params),
        placeholderData: (prev: FeatureCollection | undefined) => prev,
        staleTime: 30_000,
      };
    }),
  });
  const data = new Map<string, FeatureCollection>();
  layers.forEach((l, i) => { const d = results[i]?.data; if (d) data.set(l.key, d); });
  return {
    data,
    fetching: results.some((r) => r.isFetching),
    errors: results.map((r, i) => (r.error ? `${layers[i]!.label}：${r.error.message}` : null)).filter((x): x is string => !!x),
  };
}

/** Markers of the layers (ids made unique across layers), coloured by each feature's kind. */
export function markersOf(layers: LayerInfo[], data: Map<string, FeatureCollection>): SituationMarker[] {
  const out: SituationMarker[] = [];
  for (const l of layers) {
    const fc = data.get(l.key);
    if (!fc) continue;
    const kinds = new Map(l.kinds.map((k, i) => [k.code, { ...k, rank: l.kinds.length - i }]));
    for (const f of fc.features) {
      const k = kinds.get(f.kind);
      out.push({ id: `${l.key}:${f.id}`, lng: f.lng, lat: f.lat, title: f.name, colour: k?.colour ?? '#8c8c8c', rank: (LAYER_RANK[l.key] ?? 0) + (k?.rank ?? 0),
        layer: l, feature: f, kindLabel: k?.label ?? f.kind });
    }
  }
  return out;
}

/** The regions the shown warnings cover, filled with the warning's colour (the most serious over a region wins). */
export function warningAreas(layers: LayerInfo[], data: Map<string, FeatureCollection>): MapArea[] {
  const l = layers.find((x) => x.key === 'warnings');
  const fc = data.get('warnings');
  if (!l || !fc) return [];
  const order = l.kinds.map((k) => k.code);
  const best = new Map<string, Feature>();
  for (const f of fc.features) {
    const cur = best.get(f.regionCode);
    if (!cur || order.indexOf(f.kind) < order.indexOf(cur.kind)) best.set(f.regionCode, f);
  }
  return [...best.values()].map((f) => ({ code: f.regionCode, colour: l.kinds.find((k) => k.code === f.kind)?.colour ?? '#fa8c16', label: f.name }));
}

/** How many distinct warnings a warnings layer holds (a warning has one point per region it covers). */
export const warningCount = (fc: FeatureCollection | undefined) => new Set((fc?.features ?? []).map((f) => f.id.split(':')[0])).size;

/** Event types that change what the map shows. */
const LIVE_EVENTS = ['incident.created', 'incident.updated', 'monitoring.alarm.raised', 'monitoring.alarm.updated', 'monitoring.alarm.escalated',
  'monitoring.warning.issued', 'monitoring.warning.cancelled', 'monitoring.device.changed', 'hazard.reported', 'command.duty.updated'];

/** Refresh the layers when the server says something changed (SSE on /api/events); `onEvent` hears each event. */
export function useSituationEvents(onEvent?: (type: string, data: unknown) => void, extraKeys: string[] = []): void {
  const queryClient = useQueryClient();
  const heard = useRef(onEvent);
  heard.current = onEvent;
  const keys = extraKeys.join('|');
  useEffect(() => {
    const source = new EventSource('/api/events');
    for (const type of LIVE_EVENTS) {
      source.addEventListener(type, (e: MessageEvent<string>) => {
        void queryClient.invalidateQueries({ queryKey: [CATALOGUE] });
        for (const k of keys ? keys.split('|') : []) void queryClient.invalidateQueries({ queryKey: [k] });
        let data: unknown;
        try { data = (JSON.parse(e.data) as { data?: unknown }).data; } catch { data = undefined; }
        heard.current?.(type, data);
      });
    }
    return () => source.close();
  }, [queryClient, keys]);
}

const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
/** 2022/06/30 23:40 in Beijing time. */
export const timeText = (iso: string) => fmt.format(new Date(iso));
