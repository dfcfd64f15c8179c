/**
 * Ring orientation for d3-geo, which reads spherical polygons by winding: an exterior ring must
 * run clockwise (in longitude/latitude), a hole anticlockwise. GeoJSON files often follow
 * RFC 7946's opposite rule; a ring the wrong way round draws as the whole globe minus the shape.
 */
import type { Geometry, Position } from 'geojson';

/**
 * Twice the signed planar area of a ring, longitude as x and latitude as y (north up): positive
 * when it runs anticlockwise, negative when clockwise (the shoelace formula).
 */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  }
  return sum;
}

function orient(ring: Position[], clockwise: boolean): Position[] {
  const isClockwise = signedArea(ring) < 0;
  return isClockwise === clockwise ? ring : [...ring].reverse();
}

function polygon(rings: Position[][]): Position[][] {
  return rings.map((ring, i) => orient(ring, i === 0));
}

export function rewindForD3<G extends Geometry>(geometry: G): G {
  switch (geometry.type) {
    case 'Polygon':
      return { ...geometry, coordinates: polygon(geometry.coordinates) };
    case 'MultiPolygon':
      return { ...geometry, coordinates: geometry.coordinates.map(polygon) };
    case 'GeometryCollection':
      return { ...geometry, geometries: geometry.geometries.map(rewindForD3) };
    default:
      return geometry;
  }
}
