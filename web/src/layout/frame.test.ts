import { frameFor } from '../auth/roles';
import { scopesFor } from '../auth/AuthSetup';
import { frameRedirect, PARTNER_HOME } from './frame';

describe('the frame follows the roles', () => {
  it('shows the partner frame to a partner without a staff role only', () => {
    expect(frameFor(['partner'])).toBe('partner');
    expect(frameFor(['admin'])).toBe('staff');
    expect(frameFor(['sales'])).toBe('staff');
    expect(frameFor(['engineer'])).toBe('staff');
    expect(frameFor(['admin', 'partner'])).toBe('staff');
    expect(frameFor([])).toBe('staff');
  });
});

describe('a partner stays in the partner portal', () => {
  it.each([
    ['/', PARTNER_HOME],
    ['/operations', PARTNER_HOME],
    ['/audit', PARTNER_HOME],
    ['/alerts/2c1f7a9e-1f7e-4c43-9a53-0d7c3a0f5e11', PARTNER_HOME],
    ['/licenses', '/partner/licenses'],
    ['/licenses/ENT-202612-000001', '/partner/licenses/ENT-202612-000001'],
    ['/customers', '/partner/customers'],
    [
      '/customers/7d50134d-ef77-4451-bb52-23f99581a60f',
      '/partner/customers/7d50134d-ef77-4451-bb52-23f99581a60f',
    ],
    ['/alerts', '/partner/alerts'],
    ['/partner', PARTNER_HOME],
    ['/partnership', PARTNER_HOME],
  ])('%s → %s', (path, target) => {
    expect(frameRedirect('partner', path)).toBe(target);
  });

  it('leaves the partner portal’s own paths alone', () => {
    for (const path of [
      '/partner/licenses',
      '/partner/licenses/ENT-202612-000001',
      '/partner/usage',
      '/partner/alerts',
    ]) {
      expect(frameRedirect('partner', path)).toBeUndefined();
    }
  });

  it('sends staff away from the partner portal and nowhere else', () => {
    expect(frameRedirect('staff', '/partner/licenses')).toBe('/');
    expect(frameRedirect('staff', '/partner')).toBe('/');
    expect(frameRedirect('staff', '/')).toBeUndefined();
    expect(frameRedirect('staff', '/licenses/ENT-202612-000001')).toBeUndefined();
    expect(frameRedirect('staff', '/partnership')).toBeUndefined();
  });
});

describe('sign-in scopes', () => {
  it('always asks for the partner scope (Keycloak grants it to partners only)', () => {
    expect(scopesFor({ partnerScope: 'partner-api' })).toBe('openid profile email partner-api');
    expect(scopesFor({ partnerScope: '' })).toBe('openid profile email');
  });
});
