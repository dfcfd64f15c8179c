/**
 * The map's own Lambert conformal conic (src/territory-map/projection.ts) against d3-geo's, which
 * it replaces in the bundle: the same plane, point for point, over France and far beyond it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { geoConicConformalRaw } from 'd3-geo';
import { lambertFrance } from '../src/territory-map/projection.js';

const RADIANS = Math.PI / 180;
const d3 = geoConicConformalRaw(44 * RADIANS, 49 * RADIANS);

describe('lambertFrance (the map projection)', () => {
  it('places every point where d3-geo does, from Corsica to Dunkirk and around the world', () => {
    let compared = 0;
    for (let lat = -89.5; lat <= 89.5; lat += 0.5)
      for (let lon = -180; lon <= 180; lon += 0.75) {
        const [x, y] = d3((lon - 3) * RADIANS, lat * RADIANS);
        const ours = lambertFrance(lon, lat);
        assert.ok(ours, `${lon}, ${lat}`);
        // d3's y points up, SVG's down.
        assert.ok(Math.abs(ours[0] - x) <= 1e-12 * Math.max(1, Math.abs(x)), `x at ${lon}, ${lat}`);
        assert.ok(Math.abs(ours[1] + y) <= 1e-12 * Math.max(1, Math.abs(y)), `y at ${lon}, ${lat}`);
        compared += 1;
      }
    assert.ok(compared > 170_000);
  });

  it('stays finite at the poles, as d3 does, and refuses what is not a place', () => {
    const south = lambertFrance(3, -90);
    const [, dy] = d3(0, -90 * RADIANS);
    assert.ok(south && Number.isFinite(south[1]));
    assert.ok(Math.abs(south[1] + dy) <= 1e-9 * Math.abs(dy));
    assert.deepEqual(
      lambertFrance(3, 90)?.map((v) => Math.abs(v) < 1e-9),
      [true, false],
    );
    assert.equal(lambertFrance(NaN, 45), null);
    assert.equal(lambertFrance(3, Infinity), null);
    assert.equal(lambertFrance(-Infinity, 45), null);
  });

  it('puts the IGN’s meridian straight up and the north above the south', () => {
    const paris = lambertFrance(2.35, 48.85)!;
    const marseille = lambertFrance(5.37, 43.3)!;
    const meridian = lambertFrance(3, 46.5)!;
    assert.equal(meridian[0], 0);
    assert.ok(paris[0] < 0 && marseille[0] > 0);
    assert.ok(paris[1] < marseille[1], 'y points down, as SVG draws');
  });
});
