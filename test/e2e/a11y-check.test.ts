import { describe, expect, it } from 'vitest';

import { createA11yAudit, routeKey } from './support/a11y';
import { openBrowser } from './support/browser';

/** A page served by the browser itself (no server): one button with a name, one without. */
const PAGE = `<!doctype html><html lang="vi"><head><title>Thử</title></head><body>
<main><h1>Thử</h1><button type="button">Lưu</button><button type="button"></button></main>
</body></html>`;

describe('the accessibility check every browser test gets', () => {
  it('names a route by its screen, not its ids and codes', () => {
    expect(routeKey('http://x/courier/jobs/7b0c2f4e-1d2a-4c39-9e7a-0d1b2c3d4e5f', true)).toBe(
      '/courier/jobs/:id (phone)',
    );
    expect(routeKey('http://x/tra-cuu/TN2612070001?x=1', false)).toBe('/tra-cuu/:id');
    expect(routeKey('about:blank', false)).toBeNull();
  });

  it('reports a button without a name with the rule, the element and the route, once per route', async () => {
    const audit = createA11yAudit();
    const b = await openBrowser({ audit });
    try {
      await b.page.route('http://a11y.test/**', (route) =>
        route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE }),
      );
      await b.page.goto('http://a11y.test/form/42');
      await b.page.goto('http://a11y.test/form/43');
      await audit.flush();
    } finally {
      await b.close();
    }
    const found = audit.violations();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^\/form\/:id: \[button-name\] critical — .* — button:nth-child\(3\)/);
    expect(audit.stats().routes).toBe(1);
  });
});
