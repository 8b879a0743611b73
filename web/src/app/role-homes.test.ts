import { describe, expect, it } from 'vitest';

import { destinationAfterLogin } from './role-homes';

describe('destinationAfterLogin', () => {
  it('sends each role to its home without a next page', () => {
    expect(destinationAfterLogin('operator', null)).toBe('/operator');
    expect(destinationAfterLogin('dispatcher', null)).toBe('/dispatch');
    expect(destinationAfterLogin('courier', null)).toBe('/courier');
    expect(destinationAfterLogin('manager', null)).toBe('/manager');
    expect(destinationAfterLogin('admin', null)).toBe('/admin');
  });

  it('returns to the page the session expired on when it belongs to the role', () => {
    expect(destinationAfterLogin('courier', '/courier/account')).toBe('/courier/account');
    expect(destinationAfterLogin('admin', '/admin?tab=users')).toBe('/admin?tab=users');
  });

  it("ignores another role's page, look-alike paths and other sites", () => {
    expect(destinationAfterLogin('courier', '/admin')).toBe('/courier');
    expect(destinationAfterLogin('admin', '/administrator')).toBe('/admin');
    expect(destinationAfterLogin('operator', '//evil.example/operator')).toBe('/operator');
  });
});
