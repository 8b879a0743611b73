import { describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import { buildBundle, type BundleInput } from './documents.bundle';

const jpeg = () =>
  sharp({ create: { width: 40, height: 60, channels: 3, background: '#fff' } })
    .jpeg()
    .toBuffer();

async function pdfOf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595, 842]);
  return doc.save();
}

const options = { maxPages: 3, maxPixels: 1_000_000, title: 'Hồ sơ 1022-TEST' };

describe('buildBundle', () => {
  it('stops at maxPages and names what was left out on a last page', async () => {
    const inputs: BundleInput[] = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => ({ contentType: 'image/jpeg', bytes: await jpeg() })),
    );
    const asked: number[] = [];
    const res = await buildBundle(inputs.length, async (i) => (asked.push(i), inputs[i]!), options);
    expect(res.omitted).toBe(2);
    // The scans past the limit are never even fetched.
    expect(asked).toEqual([0, 1, 2]);
    expect((await PDFDocument.load(res.pdf)).getPageCount()).toBe(4);
  });

  it('cuts a long PDF scan at the limit', async () => {
    const res = await buildBundle(
      1,
      async () => ({ contentType: 'application/pdf', bytes: await pdfOf(7) }),
      options,
    );
    expect([res.omitted, res.unreadable]).toEqual([4, 0]);
    expect((await PDFDocument.load(res.pdf)).getPageCount()).toBe(4);
  });

  it('turns an unreadable PDF, an image over the pixel limit and an empty file into notice pages', async () => {
    const big = await sharp({
      create: { width: 1200, height: 1000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    const inputs: BundleInput[] = [
      { contentType: 'application/pdf', bytes: Buffer.from('%PDF-1.7 nothing else') },
      { contentType: 'image/png', bytes: big },
      { contentType: '', bytes: new Uint8Array() },
    ];
    const res = await buildBundle(inputs.length, async (i) => inputs[i]!, options);
    expect([res.unreadable, res.omitted]).toEqual([3, 0]);
    const doc = await PDFDocument.load(res.pdf);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe('Hồ sơ 1022-TEST');
  });
});
