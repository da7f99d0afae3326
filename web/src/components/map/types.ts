// The shapes the shared map takes, free of Leaflet so that pages can use them without loading it.
import type { ReactNode } from 'react';

/** A point on the map. `rank` orders colours: a cluster shows the colour of its highest-ranked point. */
export interface MapMarker {
  id: string;
  lng: number;
  lat: number;
  /** CSS colour of the point (e.g. its risk colour). */
  colour: string;
  rank: number;
  title: string;
}

export interface RegionMapProps<T extends MapMarker> {
  markers: readonly T[];
  /** The card shown when a point is clicked (e.g. name, tags, a link to its page). */
  renderCard?: (marker: T, close: () => void) => ReactNode;
  /** Optional background tiles, e.g. 天地图 (`https://…/{z}/{x}/{y}…`); without it the map draws region outlines only. */
  tileUrl?: string;
  tileAttribution?: string;
  /** CSS height of the map (default 70vh). */
  height?: number | string;
  /** Drawn over the top-right corner (a colour legend). */
  legend?: ReactNode;
  loading?: boolean;
  /** Circles drawn under the points (e.g. an incident's search radius); the view frames them too. */
  circles?: readonly MapCircle[];
  /** Regions filled with a colour (e.g. the towns a warning covers), by region code; drawn from the outlines. */
  areas?: readonly MapArea[];
  /** What the view frames: the points and circles (default), or always the regions (a map whose points come and go). */
  frame?: 'points' | 'regions';
}

/** A region (town, park or county) filled with a colour. */
export interface MapArea { code: string; colour: string; label?: string }

/** A circle on the ground: centre and radius in metres. */
export interface MapCircle { lng: number; lat: number; radiusM: number; colour?: string; label?: string }
