// Drawing on the Leaflet map: region outlines with their names, and the points and clusters in view.
import * as L from 'leaflet';
import type { ViewItem } from './clusters';
import type { Outline } from './useRegionOutlines';
import type { MapMarker } from './types';

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** Town and park names at their centres; boundaries as light polygons where known. */
export function drawOutlines(group: L.LayerGroup, outlines: readonly Outline[]): void {
  group.clearLayers();
  for (const o of outlines) {
    if (o.geometry) {
      L.geoJSON(o.geometry, {
        interactive: false,
        style: { color: o.level === 'county' ? '#5b6b7c' : '#8fa3b8', weight: o.level === 'county' ? 2 : 1, fillColor: '#ffffff', fillOpacity: o.level === 'county' ? 0.5 : 0 },
      }).addTo(group);
    }
    if (o.level === 'county') continue;
    L.marker([o.lat, o.lng], {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: `yj-map-region yj-map-region-${o.level}`, html: `<span>${esc(o.name)}</span>`, iconSize: [0, 0] }),
    }).addTo(group);
  }
}

/** Regions filled with their colour (drawn from the outlines that have a boundary; others are left out). */
export function drawAreas(group: L.LayerGroup, outlines: readonly Outline[], areas: readonly { code: string; colour: string; label?: string }[]): void {
  group.clearLayers();
  const byCode = new Map(outlines.map((o) => [o.code, o]));
  for (const a of areas) {
    const o = byCode.get(a.code);
    if (!o?.geometry) continue;
    const shape = L.geoJSON(o.geometry, { style: { color: a.colour, weight: 2, fillColor: a.colour, fillOpacity: 0.22 } });
    if (a.label) shape.bindTooltip(esc(a.label), { sticky: true });
    shape.addTo(group);
  }
}

/** The bounds that frame the outlines (their polygons, else their centres). */
export function outlineBounds(outlines: readonly Outline[]): L.LatLngBounds | null {
  const framed = outlines.filter((o) => o.level !== 'county');
  const list = framed.length ? framed : outlines;
  if (!list.length) return null;
  const bounds = L.latLngBounds([]);
  for (const o of list) {
    if (o.geometry) bounds.extend(L.geoJSON(o.geometry).getBounds());
    else bounds.extend([o.lat, o.lng]);
  }
  return bounds;
}

/** Dark text on a light fill (yellow), white on the rest. */
function textOn(hex: string): string {
  const m = hex.match(/^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i);
  if (!m) return '#fff';
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  return 0.299 * r + 0.587 * g + 0.114 * b > 170 ? '#3d3200' : '#fff';
}

interface Handlers {
  onPoint: (index: number) => void;
  onCluster: (clusterId: number, at: L.LatLng) => void;
}

/** The points and clusters of the current view; points on the canvas (fast for thousands), clusters as labelled bubbles. */
export function drawView(group: L.LayerGroup, items: ViewItem[], markers: readonly MapMarker[], renderer: L.Renderer, selectedId: string | null, h: Handlers): void {
  group.clearLayers();
  for (const item of items) {
    if (item.kind === 'cluster') {
      const size = item.count < 10 ? 30 : item.count < 100 ? 36 : item.count < 1000 ? 44 : 52;
      const marker = L.marker([item.lat, item.lng], {
        title: `${item.count} 个点，点击放大`,
        icon: L.divIcon({
          className: 'yj-map-cluster', iconSize: [size, size],
          html: `<div style="background:${item.colour};color:${textOn(item.colour)};width:${size}px;height:${size}px;line-height:${size - 6}px">${item.count}</div>`,
        }),
      });
      marker.on('click', (e) => h.onCluster(item.id, e.latlng));
      marker.addTo(group);
    } else {
      const m = markers[item.marker];
      const selected = m.id === selectedId;
      const dot = L.circleMarker([item.lat, item.lng], {
        renderer, radius: selected ? 10 : 7, weight: selected ? 3 : 2, color: selected ? '#1f1f1f' : '#ffffff', fillColor: m.colour, fillOpacity: 0.95,
      });
      dot.bindTooltip(esc(m.title), { direction: 'top', offset: [0, -6] });
      dot.on('click', () => h.onPoint(item.marker));
      dot.addTo(group);
    }
  }
}
