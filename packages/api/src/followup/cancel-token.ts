/**
 * Cancel links: `<sign-up id>.<HMAC-SHA256 of it, base64url>`. Only this server can make one;
 * it is single-use because cancelling deletes the sign-up it names, so the same link then finds
 * nothing (and a new sign-up of the same person gets a new id, hence a new link).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const PURPOSE = 'tec:cancel:v1:';

function mac(secret: string, engagementId: string): string {
  return createHmac('sha256', secret)
    .update(PURPOSE + engagementId)
    .digest('base64url');
}

export function cancelToken(secret: string, engagementId: string): string {
  return `${engagementId}.${mac(secret, engagementId)}`;
}

/** The sign-up id a token names, or undefined when the token was not made with this secret. */
export function verifyCancelToken(secret: string, token: string): string | undefined {
  const dot = token.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const id = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(secret, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : undefined;
}
