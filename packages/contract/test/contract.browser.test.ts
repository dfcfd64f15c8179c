// The contract runs in the browser too (the SDK and widgets validate with it there). URL and
// e-mail rules lean on the platform's parsers, so they are checked in real Chromium as well.
import { expect } from '@open-wc/testing';
import { EngagementRequest, HttpUrl, LiveEvent, Member, check } from '@tec/contract';
import * as samples from './samples.js';

describe('contract in Chromium', () => {
  it('rejects unsafe URL schemes with the same plain-words reason as on the server', () => {
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'JAVASCRIPT:alert(1)',
      'blob:https://a.fr/x',
    ]) {
      const result = check(HttpUrl, bad);
      expect(result.ok, bad).to.equal(false);
      if (!result.ok) expect(result.errors[0]!.message).to.match(/http:\/\/ or https:\/\//);
    }
    expect(check(HttpUrl, 'https://example.org/a').ok).to.equal(true);
  });

  it('validates a member and names the broken field', () => {
    expect(check(Member, samples.member).ok).to.equal(true);
    const result = check(Member, { ...samples.member, name: 'x'.repeat(100_000) });
    expect(result.ok).to.equal(false);
    if (!result.ok)
      expect(result.errors).to.deep.equal([{ path: 'name', message: 'must be at most 200 characters long' }]);
  });

  it('refuses a sign-up without consent', () => {
    const result = check(EngagementRequest, { ...samples.engagement, consent: false });
    expect(result.ok).to.equal(false);
    if (!result.ok) expect(result.errors.map((e) => e.path)).to.deep.equal(['consent']);
  });

  it('parses a live event and rejects one of an unknown type', () => {
    const event = {
      id: '7',
      at: '2026-11-26T09:00:00Z',
      territory: 'roya',
      type: 'member.added',
      member: samples.member,
    };
    expect(check(LiveEvent, event).ok).to.equal(true);
    expect(check(LiveEvent, { ...event, type: 'member.hacked' }).ok).to.equal(false);
  });
});
