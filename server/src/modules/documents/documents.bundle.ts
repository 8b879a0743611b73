import { PDFDocument, StandardFonts, rgb, type PDFImage } from 'pdf-lib';
import sharp from 'sharp';

/** One stored scan handed to the bundle builder (empty bytes when storage could not give it). */
export type BundleInput = { contentType: string; bytes: Uint8Array };

/** Limits of one bundle. */
export type BundleOptions = {
  /** Pages the bundle holds at most; what does not fit is named on a last notice page. */
  maxPages: number;
  /** Pixels an image may announce; a bigger one (an old bomb) becomes a notice page. */
  maxPixels: number;
  /** The PDF's title, e.g. "Hồ sơ 1022-…". */
  title: string;
};

/** The PDF and what had to be left out of it. */
export type BundleResult = { pdf: Uint8Array; unreadable: number; omitted: number };

/** Edge of an image page in the bundle: A4 at 200 dpi keeps text sharp and the PDF small. */
const BUNDLE_IMAGE_EDGE = 1654;
const A4: [number, number] = [595, 842];

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The Vietnamese line of a notice, drawn by libvips as an image: the PDF's standard fonts
 * cannot write Vietnamese letters (đ, ọ, ư…), and an embedded font would add megabytes.
 */
async function renderNoticeLine(text: string): Promise<Buffer> {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1654" height="160">` +
    `<rect width="100%" height="100%" fill="#fff"/>` +
    `<text x="827" y="100" font-family="sans-serif" font-size="56" text-anchor="middle" fill="#333">` +
    `${escapeXml(text)}</text></svg>`;
  return sharp(Buffer.from(svg, 'utf8')).jpeg({ quality: 80 }).toBuffer();
}

/** Adds an A4 page that says, in both languages, why a page is missing. */
async function addNoticePage(pdf: PDFDocument, vi: string, en: string): Promise<void> {
  const page = pdf.addPage(A4);
  try {
    const img = await pdf.embedJpg(await renderNoticeLine(vi));
    page.drawImage(img, { x: 0, y: 842 - 300, width: 595, height: (160 / 1654) * 595 });
  } catch {
    // Without the rendered line the English one below still says it.
  }
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(en, { x: 60, y: 842 - 340, size: 16, font, color: rgb(0.2, 0.2, 0.2) });
}

/** Decodes a stored image within the pixel limit and embeds it as a reasonably sized JPEG. */
async function embedImage(pdf: PDFDocument, bytes: Uint8Array, maxPixels: number) {
  const jpeg = await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'error' })
    .rotate()
    .resize({
      width: BUNDLE_IMAGE_EDGE,
      height: BUNDLE_IMAGE_EDGE,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
  return pdf.embedJpg(jpeg);
}

function addImagePage(pdf: PDFDocument, img: PDFImage): void {
  // A4 width in points; the page keeps the image's proportions.
  const width = A4[0];
  const height = (img.height / img.width) * width;
  pdf.addPage([width, height]).drawImage(img, { x: 0, y: 0, width, height });
}

/**
 * One PDF of a job's scans in their order, built so that no single file can break or stall
 * it: an image that does not decode or has too many pixels, or a PDF that does not parse,
 * becomes a page saying so; past `maxPages` the rest is left out and named on a last page.
 * `next(i)` gives the i-th scan, so only one input is held in memory at a time.
 */
export async function buildBundle(
  count: number,
  next: (index: number) => Promise<BundleInput>,
  opts: BundleOptions,
): Promise<BundleResult> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(opts.title);
  pdf.setCreator('Tận Nhà 1022');
  let unreadable = 0;
  let omitted = 0;
  for (let i = 0; i < count; i++) {
    const room = opts.maxPages - pdf.getPageCount();
    if (room <= 0) {
      omitted = count - i;
      break;
    }
    const input = await next(i);
    try {
      if (input.contentType === 'application/pdf') {
        const src = await PDFDocument.load(input.bytes, { ignoreEncryption: true });
        const indices = src.getPageIndices();
        const pages = await pdf.copyPages(src, indices.slice(0, room));
        pages.forEach((p) => pdf.addPage(p));
        if (indices.length > room) omitted = indices.length - room + (count - i - 1);
        if (indices.length > room) break;
      } else {
        addImagePage(pdf, await embedImage(pdf, input.bytes, opts.maxPixels));
      }
    } catch {
      unreadable += 1;
      await addNoticePage(pdf, 'Không đọc được trang này', 'This page could not be read.');
    }
  }
  if (omitted > 0) {
    await addNoticePage(
      pdf,
      `Hồ sơ dài quá ${opts.maxPages} trang: phần sau được lược bớt`,
      `The file is longer than ${opts.maxPages} pages: the rest was left out.`,
    );
  }
  return { pdf: await pdf.save(), unreadable, omitted };
}

/** Pages of an uploaded PDF, or an error when it does not parse. */
export async function countPdfPages(bytes: Uint8Array): Promise<number> {
  const src = await PDFDocument.load(bytes, { ignoreEncryption: true });
  return src.getPageCount();
}
