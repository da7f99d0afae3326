// The shared map: region outlines and names drawn from the database (no tile server needed), optional
// tiles underneath, points coloured by the caller and clustered when dense; clicking a point opens the
// caller's card over the map (a bottom sheet on a phone). Loaded lazily through ./index.ts.
import { useEffect, useMemo, useRef, useState } from 'react';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { buildClusters, markersKey } from './clusters';
import { drawAreas, drawOutlines, drawView, outlineBounds } from './layers';
import type { MapMarker, RegionMapProps } from './types';
import { useRegionOutlines } from './useRegionOutlines';

interface MapSettings { tileUrl: string | null; attribution: string | null }

export default function RegionMap<T extends MapMarker>({
  markers: given, renderCard, tileUrl: givenTileUrl, tileAttribution: givenAttribution, height = '70vh', legend, loading, circles, areas, frame = 'points',
}: RegionMapProps<T>) {
  // Tiles are the deployment's choice (MAP_TILE_URL on the server); a page may still pass its own.
  const settings = useQuery({ queryKey: ['/api/settings/map'], queryFn: () => api.get<MapSettings>('/api/settings/map'), staleTime: Infinity });
  const tileUrl = givenTileUrl ?? settings.data?.tileUrl ?? undefined;
  const tileAttribution = givenAttribution ?? settings.data?.attribution ?? undefined;
  // The same points in a new array (a parent re-rendering) must not refit the view or drop the open card.
  const key = markersKey(given);
  const markers = useMemo(() => given, [key]);
  const el = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const groups = useRef<{ outlines: L.LayerGroup; areas: L.LayerGroup; circles: L.LayerGroup; points: L.LayerGroup; renderer: L.Renderer } | null>(null);
  const [selected, setSelected] = useState<T | null>(null);
  const { outlines } = useRegionOutlines();

  useEffect(() => {
    // China until the regions or the points arrive and frame the view.
    const m = L.map(el.current!, { center: [35, 105], zoom: 4, maxZoom: 18, attributionControl: false, zoomSnap: 0.5 });
    L.control.scale({ imperial: false, position: 'bottomright' }).addTo(m);
    groups.current = { outlines: L.layerGroup().addTo(m), areas: L.layerGroup().addTo(m), circles: L.layerGroup().addTo(m), points: L.layerGroup().addTo(m), renderer: L.canvas({ padding: 0.5 }) };
    // The frame changes size with the menu, the phone's rotation and the filters above it.
    const resize = new ResizeObserver(() => m.invalidateSize());
    resize.observe(el.current!);
    setMap(m);
    return () => { resize.disconnect(); m.remove(); groups.current = null; setMap(null); };
  }, []);

  useEffect(() => {
    if (!map || !tileUrl) return;
    const tiles = L.tileLayer(tileUrl, { attribution: tileAttribution, maxZoom: 18 }).addTo(map);
    const attribution = tileAttribution ? L.control.attribution({ prefix: false }).addTo(map) : null;
    return () => { tiles.remove(); attribution?.remove(); };
  }, [map, tileUrl, tileAttribution]);

  useEffect(() => {
    if (map && groups.current) drawOutlines(groups.current.outlines, outlines);
  }, [map, outlines]);

  const areasKey = JSON.stringify(areas ?? []);
  useEffect(() => {
    if (map && groups.current) drawAreas(groups.current.areas, outlines, areas ?? []);
  }, [map, outlines, areasKey]);

  const circlesKey = JSON.stringify(circles ?? []);
  useEffect(() => {
    if (!map || !groups.current) return;
    const layer = groups.current.circles;
    layer.clearLayers();
    for (const c of circles ?? []) {
      L.circle([c.lat, c.lng], { radius: c.radiusM, color: c.colour ?? '#cf1322', weight: 1.5, dashArray: '6 4', fillOpacity: 0.04, interactive: false })
        .addTo(layer);
    }
  }, [map, circlesKey]);

  // Frame what is shown: the points and circles when there are any, else the region.
  useEffect(() => {
    if (!map) return;
    if (frame === 'regions') {
      const b = outlineBounds(outlines);
      if (b?.isValid()) map.fitBounds(b.pad(0.05), { maxZoom: 15, animate: false });
      return;
    }
    let bounds = markers.length ? L.latLngBounds(markers.map((m) => [m.lat, m.lng])) : null;
    for (const c of circles ?? []) {
      const b = L.latLng(c.lat, c.lng).toBounds(c.radiusM * 2);
      bounds = bounds ? bounds.extend(b) : b;
    }
    bounds ??= outlineBounds(outlines);
    if (bounds?.isValid()) map.fitBounds(bounds.pad(0.05), { maxZoom: 15, animate: false });
  }, [map, frame === 'regions' ? null : markers, outlines, circlesKey, frame]);

  const index = useMemo(() => buildClusters(markers), [markers]);
  useEffect(() => {
    if (!map || !groups.current) return;
    const { points, renderer } = groups.current;
    const draw = () => {
      const b = map.getBounds();
      const box: [number, number, number, number] = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
      drawView(points, index.view(box, map.getZoom()), markers, renderer, selected?.id ?? null, {
        onPoint: (i) => setSelected(markers[i] as T),
        onCluster: (id, at) => map.flyTo(at, Math.min(index.expansionZoom(id), 18), { duration: 0.4 }),
      });
    };
    draw();
    map.on('moveend', draw);
    return () => { map.off('moveend', draw); };
  }, [map, index, markers, selected]);

  useEffect(() => setSelected(null), [markers]);

  return (
    <div className="yj-map" style={{ height }} data-testid="region-map">
      <div ref={el} className={tileUrl ? 'yj-map-canvas' : 'yj-map-canvas yj-map-blank'} />
      {legend && <div className="yj-map-legend">{legend}</div>}
      {loading && <div className="yj-map-loading"><Spin /></div>}
      {selected && renderCard && <div className="yj-map-card">{renderCard(selected, () => setSelected(null))}</div>}
    </div>
  );
}
