import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';

type Spec = Parameters<Validator['validate']>[0];
import { buildOpenApiDocument } from '@tec/contract/openapi';
import { endpoints } from '@tec/contract';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { version: string };
const committed = await readFile(new URL('docs/openapi.json', root), 'utf8');

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(committed) as Spec);
    assert.ok(result.valid, JSON.stringify(result.errors, null, 2));
    assert.equal(validator.version, '3.1');
    assert.doesNotThrow(() => validator.resolveRefs());
  });

  it('is up to date with the endpoint table (run `npm run openapi` when this fails)', () => {
    const fresh = `${JSON.stringify(buildOpenApiDocument(pkg.version), null, 2)}\n`;
    assert.equal(committed, fresh);
  });

  it('has one operation per endpoint, named after it', () => {
    const doc = JSON.parse(committed) as { paths: Record<string, Record<string, { operationId: string }>> };
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
    assert.deepEqual(ids.sort(), Object.keys(endpoints).sort());
  });

  it('rejects a document that breaks the OpenAPI schema (the validator can fail)', async () => {
    const broken = JSON.parse(committed) as { paths: Record<string, Record<string, unknown>> };
    broken.paths['/v1/territories']!.get = { responses: 'none' };
    const result = await new Validator().validate(broken as Spec);
    assert.equal(result.valid, false);
  });

  it('declares consent as the literal true and the honeypot as optional', () => {
    const doc = JSON.parse(committed) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const ref = doc.paths['/v1/territories/{slug}/engagements'].post.requestBody.content['application/json']
      .schema.$ref as string;
    assert.equal(ref, '#/components/schemas/EngagementRequest');
    const body = doc.components.schemas.EngagementRequest;
    assert.deepEqual(body.properties.consent.const, true);
    assert.ok(body.required.includes('consent'));
    assert.ok(!body.required.includes('website'));
    assert.equal(body.additionalProperties, false);
  });

  it('names every contract type as a component, and refers to it wherever it is used', () => {
    const doc = JSON.parse(committed) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const names = Object.keys(doc.components.schemas as object);
    for (const name of [
      'TerritorySummary',
      'TerritoryDetail',
      'Phase',
      'Milestone',
      'Member',
      'Opportunity',
      'EngagementRequest',
      'EngagementReceipt',
      'Engagement',
      'Geometry',
      'Problem',
      'LiveEvent',
      'PlacesChangedEvent',
      'MemberKind',
    ]) {
      assert.ok(names.includes(name), name);
    }
    // Phases hold milestones by reference, not a copy of their shape.
    assert.deepEqual(doc.components.schemas.Phase.properties.milestones.items, {
      $ref: '#/components/schemas/Milestone',
    });
    const text = JSON.stringify(doc);
    assert.ok(!text.includes('$defs'), 'no local definitions: every shared shape is a component');
    for (const [, target] of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      assert.ok(names.includes(target!), `dangling $ref ${target}`);
    }
  });
});
