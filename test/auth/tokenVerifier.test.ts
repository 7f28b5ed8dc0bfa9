import { signToken } from '../../src/auth/tokenSigner';
import { createTokenVerifier } from '../../src/auth/tokenVerifier';

const SECRET = 'token-verifier-test-secret-0123456789abcdef';
const subject = { sub: 'analyst.1', name: 'Phân tích viên', agency: null, roles: ['ANALYST' as const] };

/** Verified tokens are remembered until they expire (tokenVerifier.ts): remembering must never outlive expiry. */
describe('token verifier', () => {
  it('accepts a remembered token until it expires, then refuses it', async () => {
    let now = Date.UTC(2026, 0, 5, 8);
    const verify = createTokenVerifier({ secret: SECRET, maxHours: 12, now: () => now });
    const token = signToken(subject, SECRET, { now, expiresInSeconds: 3600 });
    const first = await verify(`Bearer ${token}`);
    expect(first).toEqual({ sub: 'analyst.1', name: 'Phân tích viên', agency: null, roles: ['ANALYST'] });
    expect(Object.isFrozen(first) && Object.isFrozen(first.roles)).toBe(true);
    now += 3600_000; // at exp: still inside the 30 s tolerance
    expect(await verify(`Bearer ${token}`)).toBe(first);
    now += 31_000;
    await expect(verify(`Bearer ${token}`)).rejects.toThrow(/expired/);
  });

  it('never remembers a refusal: a tampered copy of a remembered token is refused', async () => {
    const verify = createTokenVerifier({ secret: SECRET, maxHours: 12 });
    const token = signToken(subject, SECRET);
    await verify(`Bearer ${token}`);
    const [header, , signature] = token.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...subject, roles: ['ADMIN'], exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    await expect(verify(`Bearer ${header}.${elevated}.${signature}`)).rejects.toThrow(/signature does not verify/);
    await expect(verify(`Bearer ${header}.${elevated}.${signature}`)).rejects.toThrow(/signature does not verify/);
  });
});
