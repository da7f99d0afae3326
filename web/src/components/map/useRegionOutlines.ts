// The regions a map frames: the county, its towns and parks, with their boundaries (GeoJSON drawn from the
// database, so maps need no tile server) and centres for the labels.
import { useQuery } from '@tanstack/react-query';
import type { MultiPolygon, Polygon } from 'geojson';
import { api } from '../../api/client';

export interface Outline {
  code: string;
  name: string;
  level: string;
  lng: number;
  lat: number;
  /** GeoJSON Polygon or MultiPolygon, when known. */
  geometry: Polygon | MultiPolygon | null;
}

interface Boundaries {
  features: { properties: { code: string; name: string; level: string; centerLng: number | null; centerLat: number | null }; geometry: Polygon | MultiPolygon | null }[];
}

/** The county, town and park outlines within the account's regions. */
export function useRegionOutlines(): { outlines: Outline[]; pending: boolean } {
  const q = useQuery({
    queryKey: ['/api/regions/boundaries'],
    queryFn: () => api.get<Boundaries>('/api/regions/boundaries'),
    staleTime: 10 * 60_000,
    select: (b): Outline[] => b.features
      .filter((f) => f.properties.centerLng !== null && f.properties.centerLat !== null)
      .map((f) => ({ code: f.properties.code, name: f.properties.name, level: f.properties.level, lng: f.properties.centerLng!, lat: f.properties.centerLat!, geometry: f.geometry })),
  });
  return { outlines: q.data ?? [], pending: q.isPending };
}
