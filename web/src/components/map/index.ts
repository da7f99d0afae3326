// The shared map (Leaflet, clustered points over region outlines; no tile server needed). Import it from
// here: the component is a lazy chunk, so Leaflet loads only on pages that draw a map.
import { lazy, type ReactElement } from 'react';
import type { MapMarker, RegionMapProps } from './types';

export type { MapArea, MapMarker, RegionMapProps } from './types';

/** <RegionMap> loaded on first use; render it inside <Suspense>. (Typed as its generic self: lazy() drops generics.) */
export const RegionMap = lazy(() => import('./RegionMap')) as unknown as <T extends MapMarker>(props: RegionMapProps<T>) => ReactElement;
