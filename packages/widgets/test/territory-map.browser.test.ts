// <tec-territory-map> against the real API: places by keyboard, the text list, phases by pattern
// and text, zoom, and the real IGN boundaries imported into the test database.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecCommuneSelectEvent, TecTerritoryMap, TecTerritorySelectEvent } from '@tec/widgets';
import { admin, config, settled, shadow, waitFor } from './helpers.js';

async function map(attrs = ''): Promise<TecTerritoryMap> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<tec-territory-map api="${config.apiUrl}" ${attrs}></tec-territory-map>`;
  const el = wrapper.querySelector<TecTerritoryMap>('tec-territory-map')!;
  await settled(el);
  return el;
}

/**
 * Resolves in the coming frame, after its layout and before its paint, once the map has sized its
 * targets and names: the map takes its width from its resize observer's first report, and an
 * observer made after the map's is called after it, the map's update already done. What is read
 * then is what the frame paints.
 */
function beforePaint(el: Element): Promise<void> {
  const svg = shadow(el).querySelector('svg[part="map"]')!;
  return new Promise<void>((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(svg);
  });
}

const places = (el: Element) => [...shadow(el).querySelectorAll<SVGElement>('[part="place"]')];

describe('<tec-territory-map>', () => {
  it('shows the six territories, each named with its phase, the unnamed two as being selected', async () => {
    const el = await map();
    const labels = places(el).map((p) => p.getAttribute('aria-label'));
    expect(labels.length).to.equal(6);
    expect(labels).to.include('Vallée de la Roya — Coopérations');
    expect(labels.filter((l) => /en cours de sélection/i.test(l ?? '')).length).to.equal(2);
    // Never colour alone: each phase has its shape (and its text in the legend).
    const phases = places(el).map((p) => p.dataset.phase);
    expect(new Set(phases)).to.deep.equal(new Set(['cooperations', 'portrait', 'selection']));
    const shape = (phase: string) =>
      places(el)
        .find((p) => p.dataset.phase === phase)!
        .querySelector('.symbol')!;
    expect(shape('cooperations').localName).to.equal('rect');
    expect(shape('portrait').localName).to.equal('circle');
    expect(getComputedStyle(shape('selection')).strokeDasharray).to.not.equal('none');
    expect(shadow(el).querySelectorAll('.legend li').length).to.equal(4);
    expect(shadow(el).querySelector('[part="attribution"]')?.textContent).to.match(/Natural Earth/);
    await expect(el).to.be.accessible();
  });

  it('walks every place by keyboard from one tab stop, each named beside its symbol', async () => {
    const el = await map();
    const stops = places(el).filter((p) => p.getAttribute('tabindex') === '0');
    expect(stops.length).to.equal(1);
    stops[0]!.focus();
    const visited: string[] = [];
    for (let i = 0; i < places(el).length; i += 1) {
      await el.updateComplete;
      const focused = shadow(el).activeElement as SVGElement;
      // The name shown beside the symbol begins its accessible name.
      visited.push(focused.querySelector('text')!.textContent!.trim());
      expect(focused.getAttribute('aria-label')!.startsWith(`${visited[i]!} — `)).to.equal(true);
      await sendKeys({ press: 'ArrowRight' });
    }
    expect(new Set(visited).size).to.equal(6);
    await el.updateComplete;
    expect((shadow(el).activeElement as SVGElement).getAttribute('aria-label')).to.include(visited[0]!);
  });

  it('fires tec-territory-select on Enter, with the href from href-template', async () => {
    const el = await map('href-template="/territoires/{slug}"');
    const chosen: TecTerritorySelectEvent['detail'][] = [];
    el.addEventListener('tec-territory-select', (e: TecTerritorySelectEvent) => {
      e.preventDefault(); // stay on the test page
      chosen.push(e.detail);
    });
    places(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    expect(chosen[0]?.slug).to.match(/^[a-z-]+$/);
    expect(chosen[0]?.href).to.equal(`/territoires/${chosen[0]!.slug}`);
  });

  it('lists the same places as text, reachable directly and shown by a visible toggle', async () => {
    const el = await map();
    const list = shadow(el).querySelector<HTMLElement>('[part="list"]')!;
    // Written in the first idle moment after the map is drawn; busy until then.
    const ul = list.querySelector('ul')!;
    expect(ul.getAttribute('aria-busy') === 'true' || ul.querySelectorAll('li').length > 0).to.equal(true);
    await waitFor(() => ul.getAttribute('aria-busy') === 'false', 'the list to be written');
    const listed = [...list.querySelectorAll('li button')].map((b) => b.textContent?.trim() ?? '');
    const drawn = places(el).map((p) => p.getAttribute('aria-label')!);
    expect(listed.length).to.equal(drawn.length);
    listed.forEach((name, i) => expect(drawn[i]!.startsWith(`${name} — `), name).to.equal(true));
    expect(list.classList.contains('visually-hidden')).to.equal(true);
    // Off screen, its buttons are no Tab stops (a sighted keyboard user would tab into nothing).
    const buttons = () => [...list.querySelectorAll<HTMLButtonElement>('li button')];
    expect(buttons().every((b) => b.tabIndex === -1)).to.equal(true);
    const toggle = shadow(el).querySelector<HTMLButtonElement>('.toggle')!;
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(list.classList.contains('visually-hidden')).to.equal(false);
    expect(buttons().every((b) => b.tabIndex === 0)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('writes its whole list at once when shown, written or not yet', async () => {
    const el = await map();
    shadow(el).querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    const ul = shadow(el).querySelector('[part="list"] ul')!;
    expect(ul.getAttribute('aria-busy')).to.equal('false');
    expect(ul.querySelectorAll('li button').length).to.equal(places(el).length);
  });

  it('zooms with its buttons and returns with reset; static has no controls', async () => {
    const el = await map();
    const group = () => shadow(el).querySelector('svg g[transform*="scale"]')!.getAttribute('transform');
    const [zoomIn, , reset] = [...shadow(el).querySelectorAll<HTMLButtonElement>('.zoom')];
    zoomIn!.click();
    await el.updateComplete;
    expect(group()).to.match(/scale\(1\.5\)/);
    reset!.click();
    await el.updateComplete;
    expect(group()).to.match(/scale\(1\)/);
    const still = await map('static');
    expect(shadow(still).querySelector('.zoom')).to.equal(null);
  });

  it('draws each territory as one outline once the real boundaries are imported', async function () {
    const response = await fetch(`/__tec__/import-geo?n=${Math.random()}`, { cache: 'no-store' });
    const answer = (await response.json()) as { territory: string; rings: number }[] | { missing: string };
    // The real boundaries (../shared/data/geo) are not shipped with the repository.
    if ('missing' in answer) this.skip();
    const reports = answer as { territory: string; rings: number }[];
    expect(reports.find((r) => r.territory === 'roya')?.rings).to.equal(1);
    const overview = await map();
    const outlines = [...shadow(overview).querySelectorAll<SVGPathElement>('path.outline')];
    expect(outlines.length).to.equal(4, 'the four chosen territories, drawn under their symbols');
    for (const outline of outlines)
      expect(outline.getAttribute('d')!.match(/M/g)?.length, outline.dataset.phase).to.be.at.most(2);
    const roya = await map('territory="roya"');
    const communes = places(roya).map((p) => p.getAttribute('aria-label')!.split(' — ')[0]);
    expect(communes.sort()).to.deep.equal(['Breil-sur-Roya', 'Fontan', 'La Brigue', 'Saorge', 'Tende']);
    expect(shadow(roya).querySelector('[part="attribution"]')?.textContent).to.match(
      /IGN Admin Express 2018/,
    );
    await expect(roya).to.be.accessible();
  });
});

describe('<tec-territory-map> readable at any width (measured boxes)', () => {
  for (const width of [375, 1280]) {
    it(`gives each territory a symbol of 24 px or more and a name in the view, none overlapping, at ${width} px`, async () => {
      await setViewport({ width, height: 900 });
      try {
        const el = await map();
        await beforePaint(el);
        const view = shadow(el).querySelector('svg[part="map"]')!.getBoundingClientRect();
        const boxes: DOMRect[] = [];
        for (const marker of places(el)) {
          const symbol = marker.querySelector('.hit')!.getBoundingClientRect();
          const name = marker.getAttribute('aria-label')!;
          expect(Math.min(symbol.width, symbol.height), name).to.be.at.least(24);
          const label = marker.querySelector('text')!;
          expect(label.textContent?.trim().length, name).to.be.greaterThan(0);
          const box = label.getBoundingClientRect();
          expect(box.left >= view.left && box.right <= view.right, `${name} inside horizontally`).to.equal(
            true,
          );
          expect(box.top >= view.top && box.bottom <= view.bottom, `${name} inside vertically`).to.equal(
            true,
          );
          boxes.push(box);
        }
        const overlaps = boxes.flatMap((a, i) =>
          boxes
            .slice(i + 1)
            .filter((b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom),
        );
        expect(overlaps.length).to.equal(0);
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 1024, height: 768 });
      }
    });
  }

  it('holds one named Tab stop, the first territory, and the arrows reach every territory in order', async () => {
    const el = await map();
    const before = document.createElement('button');
    before.textContent = 'avant';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    const first = shadow(el).activeElement as SVGElement;
    expect(first?.getAttribute('aria-label')).to.equal(places(el)[0]!.getAttribute('aria-label'));
    for (const next of places(el).slice(1)) {
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(shadow(el).activeElement).to.equal(next);
    }
    before.remove();
  });
});

describe('<tec-territory-map territory>', () => {
  for (const width of [375, 1280]) {
    it(`gives every commune a target of 24 px or more, and keeps the zoom buttons off the map, at ${width} px`, async () => {
      await setViewport({ width, height: 900 });
      try {
        for (const slug of ['roya', 'entre-deux-mers', 'forbach', 'nantes-bellevue']) {
          const el = await map(`territory="${slug}"`);
          await beforePaint(el);
          const view = shadow(el).querySelector('svg[part="map"]')!.getBoundingClientRect();
          // Nothing is drawn over the map: the buttons sit under it.
          for (const button of shadow(el).querySelectorAll('.zoom')) {
            const b = button.getBoundingClientRect();
            expect(b.top >= view.bottom, `${slug}: a zoom button over the map`).to.equal(true);
            expect(Math.min(b.width, b.height)).to.be.at.least(24);
          }
          const targets = [...shadow(el).querySelectorAll<SVGElement>('.target')];
          for (const place of places(el)) {
            const index = place.dataset.index;
            const boxes = [place, ...targets.filter((t) => t.dataset.index === index)].map((e) =>
              e.getBoundingClientRect(),
            );
            const w = Math.max(...boxes.map((b) => b.width));
            const h = Math.max(...boxes.map((b) => b.height));
            const name = `${slug}: ${place.getAttribute('aria-label')}`;
            expect(Math.min(w, h), name).to.be.at.least(23.5);
          }
          // The names written on the map do not run into each other.
          const names = [...shadow(el).querySelectorAll('text.label')].map((t) => t.getBoundingClientRect());
          expect(names.length, `${slug}: names on the map`).to.be.greaterThan(0);
          const crossing = names.flatMap((a, i) =>
            names
              .slice(i + 1)
              .filter(
                (b) =>
                  a.left < b.right - 1 &&
                  b.left < a.right - 1 &&
                  a.top < b.bottom - 1 &&
                  b.top < a.bottom - 1,
              ),
          );
          expect(crossing.length, `${slug}: names crossing`).to.equal(0);
          // A larger target answers for its commune.
          const small = targets[0];
          if (small) {
            small.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
            await el.updateComplete;
            const chosen = places(el).find((p) => p.dataset.index === small.dataset.index)!;
            expect(chosen.getAttribute('aria-pressed'), slug).to.equal('true');
          }
          await expect(el).to.be.accessible();
          el.parentElement!.remove();
        }
      } finally {
        await setViewport({ width: 1024, height: 768 });
      }
    });
  }

  it('frames its communes, names them, and shows the one chosen by Enter', async () => {
    const el = await map('territory="roya"');
    const view = shadow(el).querySelector('svg[part="map"]')!.getBoundingClientRect();
    for (const place of places(el)) {
      const box = place.getBoundingClientRect();
      expect(
        box.left >= view.left - 1 && box.right <= view.right + 1,
        place.getAttribute('aria-label')!,
      ).to.equal(true);
      expect(
        box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
        place.getAttribute('aria-label')!,
      ).to.equal(true);
    }
    const labels = [...shadow(el).querySelectorAll('text.label')].map((t) => t.textContent?.trim());
    expect(labels).to.include.members(['Tende', 'Saorge']);
    const chosen: TecCommuneSelectEvent['detail'][] = [];
    el.addEventListener('tec-commune-select', (e: TecCommuneSelectEvent) => chosen.push(e.detail));
    const tende = places(el).find((p) => p.getAttribute('aria-label')!.startsWith('Tende'))!;
    tende.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chosen[0]).to.deep.include({ insee: '06163', name: 'Tende' });
    expect(shadow(el).querySelector('[part="details"]')?.textContent).to.match(/Tende[\s\S]*membre/);
    expect(tende.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('moves its one Tab stop and its one pressed commune with the keyboard', async () => {
    const el = await map('territory="roya"');
    const stops = () => places(el).filter((p) => p.getAttribute('tabindex') === '0');
    const pressed = () => places(el).filter((p) => p.getAttribute('aria-pressed') === 'true');
    expect(stops()).to.deep.equal([places(el)[0]]);
    places(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(stops()).to.deep.equal([places(el)[1]]);
    expect(shadow(el).activeElement).to.equal(places(el)[1]);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(pressed()).to.deep.equal([places(el)[1]]);
    await sendKeys({ press: 'End' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const last = places(el)[places(el).length - 1];
    expect(stops()).to.deep.equal([last]);
    expect(pressed()).to.deep.equal([last]);
  });

  it('keeps the focus on its commune when a live change redraws the communes', async () => {
    const el = await map('territory="roya"');
    places(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const name = places(el)[1]!.getAttribute('aria-label')!.split(' — ')[0]!;
    const commune = { insee: '06062', name: 'Fontan' };
    const before = places(el)[1];
    const member = await admin.createMember('roya', {
      name: 'Atelier de test de la carte (fictif)',
      kind: 'association',
      joinedAt: '2026-11-27',
      commune,
      website: null,
      logo: null,
    });
    try {
      // The communes are drawn anew (new elements, new counts): the focus is on the same commune.
      await waitFor(() => places(el)[1] !== before, 'the communes redrawn');
      // (Compared as a boolean: chai's message for two SVG elements takes minutes to write.)
      expect(shadow(el).activeElement === places(el)[1], 'the focus on the redrawn commune').to.equal(true);
      expect(places(el)[1]!.getAttribute('aria-label')).to.match(new RegExp(`^${name} — `));
    } finally {
      await admin.deleteMember('roya', member.id);
    }
  });

  it('draws every commune of the Roya where it is: shapes with a path, points at a finite place', async () => {
    const el = await map('territory="roya"');
    const drawn = places(el);
    expect(drawn.length).to.be.greaterThan(0);
    for (const place of drawn) {
      if (place.localName === 'circle') {
        expect(Number.isFinite(Number(place.getAttribute('cx'))), place.getAttribute('aria-label')!).to.equal(
          true,
        );
        expect(Number.isFinite(Number(place.getAttribute('cy')))).to.equal(true);
      } else {
        // In whole tenths of the drawing's units, and inside the drawing once read back.
        const d = place.getAttribute('d')!;
        expect(d).to.match(/^M-?\d+ -?\d+l-?\d+/);
        expect(d).not.to.match(/\./);
        for (const [x, y] of pointsOf(d)) {
          expect(x, d).to.be.within(0, 600);
          expect(y, d).to.be.within(0, 600);
        }
      }
    }
  });
});

/**
 * The points of path data written by ArcPaths (M, L and l, in tenths of a drawing unit), in
 * drawing units: reads it back as a browser would, to check where the shapes are.
 */
function pointsOf(d: string): [number, number][] {
  const points: [number, number][] = [];
  let command = '';
  let x = 0;
  let y = 0;
  const numbers: number[] = [];
  const flush = () => {
    for (let i = 0; i + 1 < numbers.length; i += 2) {
      const relative = command === 'l';
      x = relative ? x + numbers[i]! : numbers[i]!;
      y = relative ? y + numbers[i + 1]! : numbers[i + 1]!;
      points.push([x / 10, y / 10]);
    }
    if (numbers.length % 2) throw new Error(`odd count of numbers after ${command} in ${d}`);
    numbers.length = 0;
  };
  for (const token of d.match(/[MLlZ]|-?\d+(\.\d+)?/g) ?? []) {
    if (/[MLlZ]/.test(token)) {
      flush();
      command = token;
    } else numbers.push(Number(token));
  }
  flush();
  return points;
}

/** Path data written by ArcPaths, as absolute points in drawing units: `M1,0L0,0L0,1Z`. */
function absolute(d: string): string {
  return d
    .split('Z')
    .filter(Boolean)
    .map((ring) =>
      pointsOf(ring)
        .map(([x, y], i) => `${i ? 'L' : 'M'}${x},${y}`)
        .join(''),
    )
    .map((ring) => `${ring}Z`)
    .join('');
}

describe('ArcPaths (paths straight from the topology)', () => {
  // Two unit squares side by side share the arc 1 (x = 1); the identity stands for a projection.
  const topology = {
    arcs: [
      [
        [1, 0],
        [0, 0],
        [0, 1],
        [1, 1],
      ],
      [
        [1, 1],
        [1, 0],
      ],
      [
        [1, 1],
        [2, 1],
        [2, 0],
        [1, 0],
      ],
    ],
  };
  const identity = (x: number, y: number): [number, number] => [x, y];

  it('writes each ring from its arcs, a shared arc backwards for the neighbour', async () => {
    const { ArcPaths } = await import('../src/territory-map/topology.js');
    const arcs = new ArcPaths(topology, identity, 0.01);
    expect(absolute(arcs.pathOf({ type: 'Polygon', arcs: [[0, 1]] }))).to.equal('M1,0L0,0L0,1L1,1L1,0Z');
    expect(absolute(arcs.pathOf({ type: 'Polygon', arcs: [[2, ~1]] }))).to.equal('M1,1L2,1L2,0L1,0L1,1Z');
    expect(absolute(arcs.pathOf({ type: 'MultiPolygon', arcs: [[[0, 1]], [[2, ~1]]] }))).to.equal(
      'M1,0L0,0L0,1L1,1L1,0ZM1,1L2,1L2,0L1,0L1,1Z',
    );
    // As written: whole tenths, relative moves, a space only where no minus sign separates.
    expect(arcs.pathOf({ type: 'Polygon', arcs: [[0, 1]] })).to.equal('M10 0l-10 0 0 10 10 0l0-10Z');
  });

  it('never drifts: moves are taken between rounded points, and a gap is joined by an absolute line', async () => {
    const { ArcPaths } = await import('../src/territory-map/topology.js');
    // 40 steps of 0.14 (1.4 tenths each, rounded alone to 1): the end must still be at 5.6.
    const steps = Array.from({ length: 41 }, (_, i) => [i * 0.14, 0]);
    const arcs = new ArcPaths(
      {
        arcs: [
          steps,
          [
            [5.6, 0],
            [5.6, 3],
          ],
          [
            [9, 9],
            [0, 0],
          ],
        ],
      },
      identity,
      0,
    );
    const points = pointsOf(arcs.pathOf({ type: 'Polygon', arcs: [[0, 1]] }));
    expect(points[points.length - 1]).to.deep.equal([5.6, 3]);
    expect(points.find(([x]) => x > 5.6)).to.equal(undefined);
    // Arc 2 does not start where arc 1 ends (damaged data): an absolute line joins them.
    const gap = arcs.pathOf({ type: 'Polygon', arcs: [[1, 2]] });
    expect(gap).to.equal('M56 0l0 30L90 90l-90-90Z');
    expect(absolute(gap)).to.equal('M5.6,0L5.6,3L9,9L0,0Z');
  });

  it('finds the box and the centre of a shape, holes counting against', async () => {
    const { ArcPaths } = await import('../src/territory-map/topology.js');
    const arcs = new ArcPaths(topology, identity, 0);
    expect(arcs.boundsOf([{ type: 'MultiPolygon', arcs: [[[0, 1]], [[2, ~1]]] }])).to.deep.equal([
      0, 0, 2, 1,
    ]);
    expect(arcs.centreOf({ type: 'Polygon', arcs: [[0, 1]] })).to.deep.equal([0.5, 0.5]);
    expect(arcs.centreOf({ type: 'MultiPolygon', arcs: [[[0, 1]], [[2, ~1]]] })).to.deep.equal([1, 0.5]);
    // A 4×4 square with a 2×2 hole in its right half: the centre moves left of x = 2.
    const holed = new ArcPaths(
      {
        arcs: [
          [
            [0, 0],
            [4, 0],
            [4, 4],
            [0, 4],
            [0, 0],
          ],
          [
            [2, 1],
            [2, 3],
            [4, 3],
            [4, 1],
            [2, 1],
          ],
        ],
      },
      identity,
      0,
    );
    const [x, y] = holed.centreOf({ type: 'Polygon', arcs: [[0], [1]] });
    expect(x).to.be.closeTo((16 * 2 - 4 * 3) / 12, 1e-9);
    expect(y).to.be.closeTo(2, 1e-9);
    expect(arcs.centreOf({ type: 'Point', coordinates: [0, 0] })).to.deep.equal([NaN, NaN]);
  });

  it('decodes quantized arcs and drops points closer than epsilon, keeping both ends', async () => {
    const { ArcPaths } = await import('../src/territory-map/topology.js');
    const quantized = {
      transform: { scale: [0.5, 0.5], translate: [10, 20] },
      arcs: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 0],
        ],
      ],
    };
    expect(
      absolute(new ArcPaths(quantized, identity, 0.01).pathOf({ type: 'Polygon', arcs: [[0]] })),
    ).to.equal('M10,20L10.5,20L10.5,20.5L11,20.5Z');
    // At epsilon 2, the two middle points are within 2 of the first kept; the last is always kept.
    expect(absolute(new ArcPaths(quantized, identity, 2).pathOf({ type: 'Polygon', arcs: [[0]] }))).to.equal(
      'M10,20L11,20.5Z',
    );
  });

  it('scales arcs projected once as if projected with the scaled projection, thinned after scaling', async () => {
    const { ArcPaths } = await import('../src/territory-map/topology.js');
    const topology = {
      arcs: [
        [
          [0, 0],
          [1, 0],
          [1.2, 0],
          [1, 1],
          ['x', 3],
          [0, 1],
        ],
        [[5, 5]],
      ],
    };
    const scaledProjection = (x: number, y: number): [number, number] => [3 + 2 * x, 4 + 2 * y];
    const once = new ArcPaths(topology, identity, 0);
    const scaled = once.scaled(2, 3, 4, scaledProjection, 1);
    const direct = new ArcPaths(topology, scaledProjection, 1);
    const shapes = [
      { type: 'Polygon', arcs: [[0]] },
      { type: 'Polygon', arcs: [[~0]] },
      { type: 'MultiPolygon', arcs: [[[0]], [[1]]] },
    ];
    for (const shape of shapes) {
      expect(scaled.pathOf(shape)).to.equal(direct.pathOf(shape));
      expect(scaled.centreOf(shape)).to.deep.equal(direct.centreOf(shape));
    }
    // 1.2 is 0.4 from 1 once scaled (under epsilon 1): dropped; the damaged position is skipped.
    expect(absolute(scaled.pathOf(shapes[0]!))).to.equal('M3,4L5,4L5,6L3,6Z');
    expect(scaled.boundsOf(shapes)).to.deep.equal(direct.boundsOf(shapes));
    expect(scaled.pointOf({ type: 'Point', coordinates: [1, 1] })).to.deep.equal([5, 6]);
  });

  it('places a quantized point, and refuses one that is not two finite numbers', async () => {
    const { ArcPaths } = await import('../src/territory-map/topology.js');
    const quantized = new ArcPaths(
      { transform: { scale: [0.5, 0.5], translate: [10, 20] }, arcs: [] },
      identity,
    );
    expect(quantized.pointOf({ type: 'Point', coordinates: [2, 4] })).to.deep.equal([11, 22]);
    expect(quantized.pointOf({ type: 'Point', coordinates: ['2', 4] })).to.equal(null);
    expect(quantized.pointOf({ type: 'Point', coordinates: [NaN, 4] })).to.equal(null);
    expect(quantized.pointOf({ type: 'Polygon', arcs: [] })).to.equal(null);
  });

  it('draws around damaged data instead of throwing', async () => {
    const { ArcPaths } = await import('../src/territory-map/topology.js');
    const hostile = {
      arcs: [[[0, 0], 'x', [NaN, 1], [Infinity, 2], [1, '2'], null, [1, 1]], 'not an arc', []] as unknown[][],
    };
    const arcs = new ArcPaths(hostile, identity, 0.01);
    expect(absolute(arcs.pathOf({ type: 'Polygon', arcs: [[0]] }))).to.equal('M0,0L1,1Z');
    expect(arcs.pathOf({ type: 'Polygon', arcs: [[1, 2, 99, -100, 0.5, 'a']] })).to.equal('');
    expect(arcs.pathOf({ type: 'Point', coordinates: [1, 2] })).to.equal('');
    expect(arcs.pathOf({ type: 'Polygon', arcs: 'nope' })).to.equal('');
    // A projection that refuses a point (outside its domain) loses that point only.
    const picky = new ArcPaths(topology, (x, y) => (x === 0 && y === 1 ? null : [x, y]), 0.01);
    expect(absolute(picky.pathOf({ type: 'Polygon', arcs: [[0]] }))).to.equal('M1,0L0,0L1,1Z');
  });
});
