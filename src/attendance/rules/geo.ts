// Coordinates and distances. Sites are stored in the datum of the map they were picked on;
// browsers report WGS-84; inside mainland China GCJ-02 and BD-09 are offset by hundreds of metres,
// more than a fence, so every point is converted to WGS-84 before measuring.
import gcoordModule from 'gcoord';

// gcoord ships CommonJS whose types declare a default export: Node hands us module.exports
// itself, a bundler may hand us `.default`. Take whichever holds `transform`.
type Gcoord = typeof gcoordModule.default;
const gcoord: Gcoord = ('transform' in gcoordModule ? gcoordModule : gcoordModule.default) as Gcoord;

export type Datum = 'WGS84' | 'GCJ02' | 'BD09';

export interface Point {
  lat: number;
  lng: number;
}

/** The mean Earth radius turf uses (IUGG), in metres. */
export const EARTH_RADIUS_M = 6_371_008.8;

const CRS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

/** `point` (in `from`) expressed in `to`; points outside China pass through unchanged (gcoord). */
export function convert(point: Point, from: Datum, to: Datum): Point {
  if (from === to) return { lat: point.lat, lng: point.lng };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], CRS[from], CRS[to]) as [number, number];
  return { lat, lng };
}

export function toWgs84(point: Point, datum: Datum): Point {
  return convert(point, datum, 'WGS84');
}

const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance by the haversine formula, in metres (or the unit of `radius`). */
export function haversine(a: Point, b: Point, radius = EARTH_RADIUS_M): number {
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * radius * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Metres between two points given in their own datums. */
export function distanceM(a: Point, aDatum: Datum, b: Point, bDatum: Datum): number {
  return haversine(toWgs84(a, aDatum), toWgs84(b, bDatum));
}

/** A coordinate a device could have produced: finite and in range. */
export function isValidPoint(p: Point): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lng) && Math.abs(p.lat) <= 90 && Math.abs(p.lng) <= 180;
}
