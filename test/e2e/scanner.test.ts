import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { logIn, call } from './support/actions';
import { PHONE, SCREENSHOTS, useServer } from './support/suite';

// A synthetic chip CCCD (no real person): the QR on the card, pipe-separated.
const CARD = '079203004567||Võ Minh Tuấn|01012003|Nam|Ấp 3, Xã Long Thành, Đồng Nai|20032024';
// An appointment slip's QR: a code, but not a card.
const SLIP = 'H48.19.10-260315-0042';

const W = 640;
const H = 480;

/**
 * A Y4M clip (what Chromium's fake camera plays in a loop) of each of `texts` as a QR code
 * on a sheet of paper: luma only, the colour planes grey.
 */
async function writeQrVideo(file: string, texts: string[]): Promise<void> {
  const frames = texts.map((text) => qrFrame(text));
  const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
  // Each code in front of the camera for a second, in turn, in a loop.
  await writeFile(
    file,
    Buffer.concat([header, ...frames.flatMap((f) => Array<Buffer>(10).fill(f))]),
  );
}

function qrFrame(text: string): Buffer {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const quiet = 4;
  const scale = Math.floor((Math.min(W, H) * 0.8) / (n + 2 * quiet));
  const side = (n + 2 * quiet) * scale;
  const x0 = Math.floor((W - side) / 2);
  const y0 = Math.floor((H - side) / 2);
  const luma = Buffer.alloc(W * H, 90);
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      const mr = Math.floor(r / scale) - quiet;
      const mc = Math.floor(c / scale) - quiet;
      const dark = mr >= 0 && mc >= 0 && mr < n && mc < n && qr.modules.get(mr, mc) === 1;
      luma[(y0 + r) * W + x0 + c] = dark ? 20 : 235;
    }
  const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
  return Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
}

const { browse } = useServer(SCREENSHOTS);
let clips: string;
beforeAll(async () => {
  clips = await mkdtemp(path.join(tmpdir(), 'tannha-camera-'));
});
afterAll(async () => {
  await rm(clips, { recursive: true, force: true });
});

type Camera = {
  page: Page;
  pageErrors: string[];
  /** Every `.wasm` the page asked for, with the answer's status and type. */
  wasm: { url: string; status: number; type: string | undefined }[];
  /** Requests for the reader that left the app's origin (a CDN). */
  outside: string[];
};

/**
 * A courier's phone whose camera films `text` as a QR code, in a browser without a native
 * BarcodeDetector (as iOS Safari and Firefox), at the handover step of a demo delivery.
 */
async function phoneFilming(name: string, ...texts: string[]): Promise<Camera> {
  const clip = path.join(clips, `${name}.y4m`);
  await writeQrVideo(clip, texts);
  const { page, context, pageErrors } = await browse({
    ...PHONE,
    args: [
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${clip}`,
    ],
  });
  await context.addInitScript(() => {
    delete (window as { BarcodeDetector?: unknown }).BarcodeDetector;
    // Keep every camera stream the app opens, to check its tracks are stopped afterwards.
    const streams: MediaStream[] = [];
    (window as { cameraStreams?: MediaStream[] }).cameraStreams = streams;
    const media = navigator.mediaDevices;
    const open = media.getUserMedia.bind(media);
    media.getUserMedia = async (constraints) => {
      const stream = await open(constraints);
      streams.push(stream);
      return stream;
    };
  });
  const camera: Camera = { page, pageErrors, wasm: [], outside: [] };
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1' && /\.wasm$|jsdelivr|unpkg|zxing/.test(request.url()))
      camera.outside.push(request.url());
  });
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.endsWith('.wasm'))
      camera.wasm.push({
        url: response.url(),
        status: response.status(),
        type: response.headers()['content-type'],
      });
  });

  await logIn(page, 'courier1');
  await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
  expect(await page.evaluate(() => 'BarcodeDetector' in window)).toBe(false);
  return camera;
}

/** From today's jobs to the handover step of the demo delivery to Võ Minh Tuấn. */
async function openHandover(page: Page) {
  await page.getByRole('link', { name: /^Mở việc .* Võ Minh Tuấn/ }).click();
  await page.getByRole('heading', { name: 'Bàn giao kết quả' }).waitFor();
}

/** Whether every camera track the page opened has been stopped (and at least one was opened). */
function cameraReleased(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const streams = (window as { cameraStreams?: MediaStream[] }).cameraStreams ?? [];
    const tracks = streams.flatMap((s) => s.getTracks());
    return tracks.length > 0 && tracks.every((t) => t.readyState === 'ended');
  });
}

function expectWasmFromTheApp(camera: Camera) {
  const origin = new URL(camera.page.url()).origin;
  expect(camera.wasm.length).toBeGreaterThan(0);
  for (const w of camera.wasm) {
    expect(w.url.startsWith(`${origin}/assets/`), w.url).toBe(true);
    expect(w.status).toBe(200);
    expect(w.type).toBe('application/wasm');
  }
  expect(camera.outside).toEqual([]);
}

describe('the camera scanner without a native BarcodeDetector (the ZXing polyfill)', () => {
  it('reads the QR on a chip CCCD at the door and fills the ID check, then releases the camera', async () => {
    const camera = await phoneFilming('card', CARD);
    const { page } = camera;
    await openHandover(page);
    await page.getByLabel('Họ tên người nhận').fill('');
    await page.getByLabel('Loại giấy tờ').selectOption('passport');

    await page.getByRole('button', { name: 'Quét QR trên CCCD' }).click();
    // Single mode: the scanner closes by itself once the card is read.
    await page
      .getByText('Đã đọc từ CCCD: Võ Minh Tuấn, số ********4567, sinh ngày 01/01/2003.')
      .waitFor({ timeout: 60_000 });
    await page.getByRole('region', { name: 'Quét QR trên CCCD gắn chip' }).waitFor({
      state: 'detached',
    });
    expect(await page.getByLabel('Số giấy tờ').inputValue()).toBe('079203004567');
    expect(await page.getByLabel('Họ tên người nhận').inputValue()).toBe('Võ Minh Tuấn');
    expect(await page.getByLabel('Loại giấy tờ').inputValue()).toBe('cccd');
    // Still editable: the courier can correct what was read.
    await page.getByLabel('Họ tên người nhận').fill('Võ Minh Tuấn Anh');
    expect(await page.getByLabel('Họ tên người nhận').inputValue()).toBe('Võ Minh Tuấn Anh');

    expectWasmFromTheApp(camera);
    await expect.poll(() => cameraReleased(page)).toBe(true);
    expect(camera.pageErrors).toEqual([]);
  });

  it('refuses a QR that is not a card, keeps scanning, and stops the camera when closed', async () => {
    const camera = await phoneFilming('slip', SLIP);
    const { page } = camera;
    await openHandover(page);
    await page.getByRole('button', { name: 'Quét QR trên CCCD' }).click();
    const scanner = page.getByRole('region', { name: 'Quét QR trên CCCD gắn chip' });
    await scanner
      .getByText('Mã vừa quét không phải QR trên CCCD gắn chip. Hãy quét mã QR trên thẻ.')
      .waitFor({ timeout: 60_000 });
    expect(await scanner.getAttribute('data-scanner-state')).toBe('scanning');
    expect(await page.getByLabel('Số giấy tờ').inputValue()).toBe('');
    expect(await cameraReleased(page)).toBe(false);
    await scanner.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'courier-cccd-scanner.png') });

    await scanner.getByRole('button', { name: 'Đóng camera' }).click();
    await scanner.waitFor({ state: 'detached' });
    expect(await cameraReleased(page)).toBe(true);
    await page.getByRole('button', { name: 'Quét QR trên CCCD' }).waitFor();
    expectWasmFromTheApp(camera);
    expect(camera.pageErrors).toEqual([]);
  });

  it('reads a batch at the counter: a result of the office is taken, an unknown code is refused', async () => {
    const day = new Date().toISOString().slice(2, 10).replace(/-/g, '');
    const result = `H48.19.91-${day}-7001`;
    const unknown = `H48.99.99-${day}-0001`;
    const camera = await phoneFilming('counter', result, unknown);
    const { page } = camera;
    const unitId = (await call(page, 'GET', '/api/me')).body.user.unitId as string;

    // A finished result waiting for courier1's office, created by the dispatcher.
    const office = await browse();
    await logIn(office.page, 'dispatcher1');
    await office.page.getByRole('heading', { level: 1, name: 'Điều phối' }).waitFor();
    const citizen = await call(office.page, 'POST', '/api/citizens', {
      fullName: 'Đặng Thị Hoa',
      phone: '+84913770001',
    });
    expect(citizen.status, JSON.stringify(citizen.body)).toBe(201);
    const job = await call(office.page, 'POST', '/api/jobs', {
      type: 'result_delivery',
      unitId,
      citizenId: citizen.body.id,
      dossierCode: result,
      addressText: '5 Võ Thị Sáu, phường Trấn Biên, Đồng Nai',
      lat: 10.951,
      lng: 106.821,
    });
    expect(job.status, JSON.stringify(job.body)).toBe(201);

    await page.getByRole('link', { name: 'Nhận kết quả tại quầy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhận kết quả tại quầy' }).waitFor();
    await page.getByRole('button', { name: 'Quét bằng camera' }).click();
    const scanner = page.getByRole('region', { name: 'Quét mã trên các gói kết quả' });
    const list = page.getByTestId('pickup-codes');
    // Continuous mode: both codes come from the one open scanner, each once.
    await list.locator(`li[data-code="${result}"][data-state="ok"]`).waitFor({ timeout: 60_000 });
    await list
      .locator(`li[data-code="${unknown}"][data-state="refused"]`)
      .waitFor({ timeout: 60_000 });
    await scanner.getByText('đã đọc 2 mã').waitFor();
    await page.getByText('1 kết quả hợp lệ').waitFor();
    expect(await list.locator('li').count()).toBe(2);
    await page.screenshot({
      path: path.join(SCREENSHOTS, 'courier-counter-camera.png'),
      fullPage: true,
    });

    await scanner.getByRole('button', { name: 'Đóng camera' }).click();
    await scanner.waitFor({ state: 'detached' });
    expect(await cameraReleased(page)).toBe(true);
    expectWasmFromTheApp(camera);
    expect(camera.pageErrors).toEqual([]);
  });

  it('says why when the camera cannot open, and the typed number stays the way in', async () => {
    // No camera granted to this browser: the page is told no.
    const { page, pageErrors } = await browse(PHONE);
    await logIn(page, 'courier1');
    await page.getByRole('heading', { level: 1, name: 'Việc hôm nay' }).waitFor();
    await openHandover(page);
    await page.getByRole('button', { name: 'Quét QR trên CCCD' }).click();
    const scanner = page.getByRole('region', { name: 'Quét QR trên CCCD gắn chip' });
    await scanner.getByRole('alert').waitFor();
    expect(await scanner.getByRole('alert').textContent()).toMatch(
      /^Không (mở|tìm thấy) .*camera.*; hãy gõ mã\.$|^Không mở được camera: .* hoặc gõ mã\.$/,
    );
    await page.getByLabel('Số giấy tờ').fill('079203004567');
    expect(await page.getByLabel('Số giấy tờ').inputValue()).toBe('079203004567');
    await scanner.getByRole('button', { name: 'Đóng camera' }).click();
    await scanner.waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
  });
});
