import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readConfig } from '@tec/api';

describe('configuration', () => {
  it('has working defaults', () => {
    const config = readConfig({});
    assert.equal(config.port, 8787);
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.dataDir, '.tec-data');
    assert.equal(config.retentionDays, 730);
    assert.equal(config.databaseUrl, undefined);
    // Sign-ups from any page unless the operator restricts them.
    assert.equal(config.signupOrigins, 'any');
    assert.equal(readConfig({ TEC_SIGNUP_ORIGINS: 'allowed' }).signupOrigins, 'allowed');
  });
  it('names the variable and the rule of a bad value', () => {
    assert.throws(() => readConfig({ PORT: 'http' }), /PORT must be a whole number from 0 to 65535/);
    assert.throws(
      () => readConfig({ TEC_RETENTION_DAYS: '-1' }),
      /TEC_RETENTION_DAYS must be a whole number/,
    );
    assert.throws(() => readConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must start with postgres/);
    assert.throws(
      () => readConfig({ TEC_ALLOWED_ORIGINS: 'javascript:alert(1)' }),
      /TEC_ALLOWED_ORIGINS must list origins/,
    );
    assert.throws(
      () => readConfig({ TEC_ADMIN_TOKEN: 'short' }),
      /TEC_ADMIN_TOKEN must be 32 to 256 characters/,
    );
    assert.throws(() => readConfig({ TEC_LOG: 'debug' }), /TEC_LOG must be info or silent/);
    assert.throws(
      () => readConfig({ TEC_SIGNUP_ORIGINS: 'some' }),
      /TEC_SIGNUP_ORIGINS must be any \(the default\) or allowed/,
    );
  });
  it('normalizes allowed origins', () => {
    const config = readConfig({
      TEC_ALLOWED_ORIGINS: 'https://mairie.example.fr/page, http://localhost:3000',
    });
    assert.deepEqual(config.allowedOrigins, ['https://mairie.example.fr', 'http://localhost:3000']);
  });
});
