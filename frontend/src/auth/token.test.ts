import { describe, expect, it } from 'vitest';
import { jwtExpiringIn, makeJwt } from '../test/jwt';
import { decodeJwtClaims, isTokenExpired, tokenExpiresAt } from './token';

describe('JWT expiry', () => {
  const now = Date.UTC(2026, 10, 28, 4, 0, 0);

  it('reads the claims of a JWT, including base64url characters and unicode', () => {
    const token = makeJwt({ sub: 'jane@acme.test', name: 'Jané ✓ ?>?', exp: 1_900_000_000 });
    expect(decodeJwtClaims(token)).toEqual({ sub: 'jane@acme.test', name: 'Jané ✓ ?>?', exp: 1_900_000_000 });
  });

  it('gives the expiry in milliseconds', () => {
    expect(tokenExpiresAt(makeJwt({ exp: 1_900_000_000 }))).toBe(1_900_000_000_000);
    expect(tokenExpiresAt(makeJwt({ sub: 'x' }))).toBeNull();
  });

  it('is not expired before exp', () => {
    expect(isTokenExpired(jwtExpiringIn(60, now), now)).toBe(false);
    expect(isTokenExpired(jwtExpiringIn(1, now), now)).toBe(false);
  });

  it('is expired at and after exp', () => {
    expect(isTokenExpired(jwtExpiringIn(0, now), now)).toBe(true);
    expect(isTokenExpired(jwtExpiringIn(-3600, now), now)).toBe(true);
    expect(isTokenExpired(jwtExpiringIn(60, now), now + 61_000)).toBe(true);
  });

  it('treats a malformed token as unusable', () => {
    expect(decodeJwtClaims('not-a-jwt')).toBeNull();
    expect(decodeJwtClaims('a.b.c')).toBeNull();
    expect(decodeJwtClaims(`x.${btoa('[1,2]')}.y`)).toBeNull();
    expect(isTokenExpired('not-a-jwt', now)).toBe(true);
    expect(isTokenExpired('', now)).toBe(true);
  });

  it('leaves a token without exp to the server', () => {
    expect(isTokenExpired(makeJwt({ sub: 'x' }), now)).toBe(false);
  });
});
