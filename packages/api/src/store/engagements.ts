/**
 * Sign-ups: exported. Taking one (with its place, the one-per-person rule and the waiting list)
 * is followup/engagements.ts; erasing and purging them (which free places as a cancellation
 * does) followup/removal.ts.
 */
import { createHash } from 'node:crypto';
import type { Engagement, EngagementRequest } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { iso } from './common.js';

/** The hash that decides whether a replayed Idempotency-Key carries the same request. */
export function requestHash(slug: string, request: EngagementRequest): string {
  const { website: _honeypot, ...rest } = request;
  const canonical = JSON.stringify(
    Object.keys(rest)
      .sort()
      .map((k) => [k, rest[k as keyof typeof rest]]),
  );
  return createHash('sha256').update(`${slug}\n${canonical}`).digest('hex');
}

interface EngagementRow {
  id: string;
  territory: string;
  opportunity_id: string;
  first_name: string;
  email: string;
  phone: string | null;
  availability: Engagement['availability'];
  message: string | null;
  lang: Engagement['lang'];
  origin: string | null;
  created_at: string;
  request_hash: string;
  places_left_after: number | null;
}

const engagementColumns = `id, territory, opportunity_id, first_name, email, phone, availability, message,
  lang, origin, ${iso('created_at')} as created_at, request_hash`;

// createEngagement: followup/engagements.ts (one place per person, waiting list, e-mails).

export async function exportEngagements(db: Sql, slug: string): Promise<Engagement[]> {
  const rows = await db.query<EngagementRow>(
    `select ${engagementColumns}, null as places_left_after from engagements where territory = $1
     order by engagements.created_at, engagements.id`,
    [slug],
  );
  return rows.map((r) => ({
    id: r.id,
    territory: r.territory,
    opportunityId: r.opportunity_id,
    firstName: r.first_name,
    email: r.email,
    phone: r.phone,
    availability: r.availability,
    message: r.message,
    lang: r.lang,
    origin: r.origin,
    createdAt: r.created_at,
  }));
}
