// Plane geometry for the demo map: a county outline, Voronoi cells for towns (Lloyd-relaxed so
// they look like real townships), small hexagons for parks, and random points inside a cell.
// Coordinates are [lng, lat] degrees; the county is small enough to treat them as planar.
import type { Rng } from './random.js';

export type Point = [number, number];
export type Ring = Point[];

/** GeoJSON Polygon as stored in regions.boundary. */
export interface GeoPolygon {
  type: 'Polygon';
  coordinates: Point[][];
}

/** Round to 5 decimals (~1 m): keeps stored numbers short and stable. */
export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** A closed GeoJSON polygon from an open ring (first point repeated at the end). */
export function toPolygon(ring: Ring): GeoPolygon {
  const pts = ring.map(([x, y]): Point => [round5(x), round5(y)]);
  return { type: 'Polygon', coordinates: [[...pts, pts[0]]] };
}

/** A wobbly ellipse-shaped outline around a centre (rx, ry in degrees). */
export function blobRing(rng: Rng, centre: Point, rx: number, ry: number, vertices: number, wobble: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < vertices; i++) {
    const a = (2 * Math.PI * i) / vertices;
    const k = 1 - wobble + rng.next() * wobble;
    ring.push([centre[0] + rx * k * Math.cos(a), centre[1] + ry * k * Math.sin(a)]);
  }
  return ring;
}

/** A slightly irregular hexagon around a centre. */
export function hexagon(rng: Rng, centre: Point, radius: number): Ring {
  const turn = rng.next() * Math.PI / 3;
  const ring: Ring = [];
  for (let i = 0; i < 6; i++) {
    const a = turn + (Math.PI / 3) * i;
    const r = radius * rng.float(0.8, 1.1);
    // 1.15 stretches east–west so the cell looks round at latitude ~29°
    ring.push([centre[0] + 1.15 * r * Math.cos(a), centre[1] + r * Math.sin(a)]);
  }
  return ring;
}

/** True when the point is inside the ring (even–odd rule). */
export function inside(p: Point, ring: Ring): boolean {
  let ins = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) ins = !ins;
  }
  return ins;
}

/** Area-weighted centroid of a ring. */
export function centroid(ring: Ring): Point {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
  }
  if (a === 0) return ring[0];
  return [cx / (3 * a), cy / (3 * a)];
}

/** A uniformly random point inside the ring (rejection sampling in its bounding box). */
export function randomPointIn(rng: Rng, ring: Ring): Point {
  const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let tries = 0; tries < 1000; tries++) {
    const p: Point = [rng.float(x0, x1), rng.float(y0, y1)];
    if (inside(p, ring)) return p;
  }
  return centroid(ring);
}

// Keep the part of the ring closer to `a` than to `b` (Sutherland–Hodgman against the bisector).
function clipCloserTo(ring: Ring, a: Point, b: Point): Ring {
  const nx = b[0] - a[0], ny = b[1] - a[1];
  const c = (nx * (a[0] + b[0])) / 2 + (ny * (a[1] + b[1])) / 2;
  const side = (p: Point) => c - (nx * p[0] + ny * p[1]); // > 0 on a's side
  const out: Ring = [];
  for (let i = 0; i < ring.length; i++) {
    const p = ring[i], q = ring[(i + 1) % ring.length];
    const sp = side(p), sq = side(q);
    if (sp >= 0) out.push(p);
    if ((sp >= 0) !== (sq >= 0)) {
      const t = sp / (sp - sq);
      out.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
    }
  }
  return out;
}

/** The Voronoi cell of each site, clipped to the outline. */
export function voronoiCells(sites: readonly Point[], outline: Ring): Ring[] {
  return sites.map((s, i) => {
    let cell = outline;
    sites.forEach((o, j) => { if (j !== i) cell = clipCloserTo(cell, s, o); });
    return cell;
  });
}

/** n well-spread cells tiling the outline: random sites, then Lloyd relaxation. */
export function relaxedCells(rng: Rng, outline: Ring, n: number, iterations = 6): { sites: Point[]; cells: Ring[] } {
  let sites = Array.from({ length: n }, () => randomPointIn(rng, outline));
  let cells = voronoiCells(sites, outline);
  for (let k = 0; k < iterations; k++) {
    sites = cells.map(centroid);
    cells = voronoiCells(sites, outline);
  }
  return { sites, cells };
}
