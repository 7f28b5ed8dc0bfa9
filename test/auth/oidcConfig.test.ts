import { loadConfig } from '../../src/config';

const PROVIDER = {
  PAR_JWT_ISSUER: 'https://sso.quangnam.example/realms/par',
  PAR_JWKS_URL: 'https://sso.quangnam.example/realms/par/protocol/openid-connect/certs',
};

describe('PAR_OIDC_CLIENT_ID (the console signs in through the identity provider)', () => {
  it('needs the provider (PAR_JWT_ISSUER) and its keys (PAR_JWKS_URL), and says so by name', () => {
    const needs = /PAR_OIDC_CLIENT_ID: needs PAR_JWT_ISSUER \(the provider\) and PAR_JWKS_URL \(its keys\) \(got "par-console"\)/;
    expect(() => loadConfig({ PAR_OIDC_CLIENT_ID: 'par-console' })).toThrow(needs);
    expect(() => loadConfig({ PAR_OIDC_CLIENT_ID: 'par-console', PAR_JWT_ISSUER: PROVIDER.PAR_JWT_ISSUER })).toThrow(needs);
    expect(() => loadConfig({ PAR_OIDC_CLIENT_ID: 'par-console', PAR_JWKS_URL: PROVIDER.PAR_JWKS_URL })).toThrow(needs);
  });

  it('asks for "openid profile" unless PAR_OIDC_SCOPE says otherwise', () => {
    expect(loadConfig({ PAR_OIDC_CLIENT_ID: 'par-console', ...PROVIDER })).toMatchObject({
      PAR_OIDC_CLIENT_ID: 'par-console',
      PAR_OIDC_SCOPE: 'openid profile',
    });
    expect(loadConfig({ PAR_OIDC_CLIENT_ID: 'par-console', PAR_OIDC_SCOPE: 'openid profile roles', ...PROVIDER }).PAR_OIDC_SCOPE).toBe('openid profile roles');
    expect(loadConfig(PROVIDER).PAR_OIDC_CLIENT_ID).toBeUndefined();
  });
});
