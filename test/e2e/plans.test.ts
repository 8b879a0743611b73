import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { logIn } from './support/actions';
import { PHONE, useServer } from './support/suite';

const SHOTS = process.env['PLANS_SCREENSHOTS'];

const { browse } = useServer();

const stopCodes = async (page: Page, courierName: string) =>
  page
    .getByTestId('plan-route')
    .filter({ has: page.getByRole('heading', { name: courierName }) })
    .getByTestId('plan-stop')
    .locator('strong')
    .allTextContents();

/**
 * For each route line on the plan map: whether it is drawn (two vertices or more) and the
 * stops of its colour that lie more than 1.5 px off it (empty when the line joins them all).
 */
const linesThroughStops = (page: Page) =>
  page.evaluate(() => {
    type Xy = { x: number; y: number };
    const distToSegment = (p: Xy, a: Xy, b: Xy) => {
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const len2 = dx * dx + dy * dy;
      const t =
        len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
      return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
    };
    const markers = [
      ...document.querySelectorAll<HTMLElement>('.leaflet-marker-pane .leaflet-marker-icon'),
    ];
    const paths = [
      ...document.querySelectorAll<SVGPathElement>('.leaflet-overlay-pane svg path.plan-route'),
    ];
    return paths.map((path) => {
      const stroke = path.getAttribute('stroke') ?? '';
      const probe = document.createElement('span');
      probe.style.backgroundColor = stroke;
      // "M1 2L3 4L5 6" (a clipped line has several "M" parts)
      const parts = (path.getAttribute('d') ?? '')
        .split('M')
        .filter((part) => part.trim())
        .map((part) =>
          part
            .replace(/z/gi, '')
            .split('L')
            .map((xy) => {
              const [x, y] = xy
                .trim()
                .split(/[\s,]+/)
                .map(Number);
              return { x: x!, y: y! };
            }),
        );
      const vertices = parts.reduce((n, part) => n + part.length, 0);
      const own = markers.filter(
        (m) => m.querySelector('span')?.style.backgroundColor === probe.style.backgroundColor,
      );
      const offLine = own
        .map((m) => {
          const at = (m as HTMLElement & { _leaflet_pos?: Xy })._leaflet_pos!;
          const d = Math.min(
            ...parts.flatMap((part) =>
              part.length === 1
                ? [Math.hypot(at.x - part[0]!.x, at.y - part[0]!.y)]
                : part.slice(1).map((b, i) => distToSegment(at, part[i]!, b)),
            ),
          );
          return { stop: m.textContent, d };
        })
        .filter((s) => !(s.d <= 1.5));
      return { stroke, drawn: vertices >= 2 && own.length > 0, offLine };
    });
  });

describe('route planning on the dispatch desk', () => {
  it('dispatcher1 plans the demo day, sees one coloured route per courier, reorders by keyboard, commits; courier1’s phone lists the stops in that order', async () => {
    const { page, pageErrors } = await browse();
    await logIn(page, 'dispatcher1');
    await page.getByRole('link', { name: 'Lập lộ trình' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lập lộ trình trong ngày' }).waitFor();
    // Plan the whole shift whatever the hour the test runs at.
    await page.getByLabel('Bắt đầu từ (không bắt buộc)').fill('08:00');
    await page.getByRole('button', { name: 'Lập lộ trình' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Đang tìm lộ trình' })
      .waitFor({ timeout: 5_000 })
      .catch(() => undefined);
    await page.getByTestId('plan-summary').waitFor({ timeout: 60_000 });

    const cards = page.getByTestId('plan-route');
    const withStops = cards.filter({ has: page.getByTestId('plan-stop') });
    const nRoutes = await withStops.count();
    expect(nRoutes).toBeGreaterThanOrEqual(3);
    // One SVG polyline per courier with stops, each its own colour, each drawn.
    const paths = page.locator('.leaflet-overlay-pane svg path.plan-route');
    await expect.poll(() => paths.count()).toBe(nRoutes);
    const strokes = await paths.evaluateAll((els) => els.map((e) => e.getAttribute('stroke')));
    expect(new Set(strokes).size).toBe(nRoutes);
    // Each line goes through every stop of its route. A line's length depends on the demo
    // day (a courier whose only stop is near the office draws a short line), so the check is
    // geometric: the markers of a colour lie on the line of that colour. Leaflet places both
    // in the same layer pixels (`d` of the path, `_leaflet_pos` of the marker) and drops
    // vertices within `smoothFactor` (1 px) of the simplified line, hence the 1.5 px.
    await expect
      .poll(() => linesThroughStops(page))
      .toEqual(strokes.map((stroke) => ({ stroke, drawn: true, offLine: [] })));
    const lengths = await paths.evaluateAll((els) =>
      els.map((e) => (e as SVGPathElement).getTotalLength()),
    );
    expect(Math.max(...lengths)).toBeGreaterThan(10);
    // Numbered stops on the map: as many as the list shows.
    const nStops = await page.getByTestId('plan-stop').count();
    await expect
      .poll(() => page.locator('.leaflet-marker-pane .leaflet-marker-icon').count())
      .toBe(nStops);
    expect(await page.getByTestId('plan-summary').textContent()).toContain(
      `${nStops} điểm dừng · ${nRoutes} bưu tá`,
    );

    // courier1 (Nguyễn Văn Hùng) keeps the visit already at the door first; reorder the rest by keyboard.
    const before = await stopCodes(page, 'Nguyễn Văn Hùng');
    expect(before.length).toBeGreaterThanOrEqual(2);
    const movable = before.length >= 3 ? before[1]! : before[0]!;
    const down = page.getByRole('button', { name: `Đưa ${movable} xuống sau` });
    await down.focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => stopCodes(page, 'Nguyễn Văn Hùng'), { timeout: 15_000 })
      .not.toEqual(before);
    const after = await stopCodes(page, 'Nguyễn Văn Hùng');
    expect([...after].sort()).toEqual([...before].sort());
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/plan-desk.png`, fullPage: true });

    await page.getByRole('button', { name: 'Chốt lộ trình' }).click();
    await page.getByRole('button', { name: 'Chốt và báo bưu tá' }).click();
    await page.getByText('Đã chốt lộ trình').waitFor({ timeout: 20_000 });
    const planned = await stopCodes(page, 'Nguyễn Văn Hùng');
    expect(planned).toEqual(after);
    expect(pageErrors).toEqual([]);

    const phone = await browse(PHONE);
    await logIn(phone.page, 'courier1');
    const list = phone.page.getByRole('list', { name: 'Việc hôm nay theo thứ tự đi' });
    await list.waitFor();
    const labels = await list
      .getByRole('link', { name: /^Mở việc/ })
      .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    const codes = labels.map((l) => /TN\d+/.exec(l)?.[0] ?? l);
    expect(codes.slice(0, planned.length)).toEqual(planned);
    const numbers = await list
      .locator('li')
      .evaluateAll((els) =>
        els.map((e) => e.querySelector('span:not(.visually-hidden)')?.textContent?.trim()),
      );
    expect(numbers.slice(0, planned.length)).toEqual(planned.map((_, i) => String(i + 1)));
    if (SHOTS) await phone.page.screenshot({ path: `${SHOTS}/plan-courier.png`, fullPage: true });
    expect(phone.pageErrors).toEqual([]);
  });
});
