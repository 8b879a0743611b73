import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

const base = () => ({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'tn-config-')) });

describe('TRUST_PROXY', () => {
  it('trusts the local proxy by default', () => {
    expect(loadConfig(base()).trustProxy).toEqual(['loopback']);
  });

  it('takes false, a number of hops, or a list of addresses and subnets', () => {
    expect(loadConfig({ ...base(), TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base(), TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(
      loadConfig({ ...base(), TRUST_PROXY: 'loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7' })
        .trustProxy,
    ).toEqual(['loopback', '10.0.0.0/8', 'fd00::/8', '192.0.2.7']);
  });

  it('refuses true (anyone could choose their address) and anything that is not an address', () => {
    for (const bad of ['true', 'proxy.example', '10.0.0.0/33', '300.1.1.1'])
      expect(() => loadConfig({ ...base(), TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY must be/);
  });
});
