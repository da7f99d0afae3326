// Groups dense points into clusters for the view (supercluster): each cluster knows how many points it
// holds and the colour of its highest-ranked one, so a cluster of mostly blue with one red shows red.
import Supercluster from 'supercluster';
import type { MapMarker } from './types';

interface PointProps { index: number; rank: number; colour: string }
type ClusterProps = { rank: number; colour: string };

export type ViewItem =
  | { kind: 'point'; marker: number; lng: number; lat: number }
  | { kind: 'cluster'; id: number; count: number; colour: string; lng: number; lat: number };

export interface ClusterIndex {
  /** The points and clusters to draw in a box ([west, south, east, north]) at a zoom. */
  view(bbox: [number, number, number, number], zoom: number): ViewItem[];
  /** The zoom at which a cluster falls apart. */
  expansionZoom(clusterId: number): number;
}

export function buildClusters(markers: readonly MapMarker[]): ClusterIndex {
  const index = new Supercluster<PointProps, ClusterProps>({
    // Leaflet tiles are 256 px: with that extent, radius is in screen pixels.
    radius: 60, extent: 256, maxZoom: 16, minPoints: 3,
    map: (p) => ({ rank: p.rank, colour: p.colour }),
    reduce: (acc, p) => { if (p.rank > acc.rank) { acc.rank = p.rank; acc.colour = p.colour; } },
  });
  index.load(markers.map((m, i) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [m.lng, m.lat] }, properties: { index: i, rank: m.rank, colour: m.colour },
  })));
  return {
    view(bbox, zoom) {
      return index.getClusters(bbox, Math.round(zoom)).map((f): ViewItem => {
        const [lng, lat] = f.geometry.coordinates;
        const p = f.properties;
        return 'cluster' in p && p.cluster
          ? { kind: 'cluster', id: p.cluster_id, count: p.point_count, colour: p.colour, lng, lat }
          : { kind: 'point', marker: (p as PointProps).index, lng, lat };
      });
    },
    expansionZoom: (id) => index.getClusterExpansionZoom(id),
  };
}

/** A fingerprint of what the markers show (ids, places, colours): callers often pass a new array with the same content. */
export function markersKey(markers: readonly MapMarker[]): string {
  let h = 2166136261;
  const mix = (s: string) => { for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619); };
  for (const m of markers) mix(`${m.id}|${m.lng}|${m.lat}|${m.colour}|${m.rank};`);
  return `${markers.length}:${(h >>> 0).toString(36)}`;
}
