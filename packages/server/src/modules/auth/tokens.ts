// Secrets handed to people (session cookies, reset and invitation links, recovery codes): 256
// random bits, stored only as SHA-256. They are high-entropy, so a fast hash is right (argon2 is
// for passwords), and lookups by hash compare nothing secret in user space.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A new random token with an optional prefix that says what it is. */
export function newToken(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameDigest(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
