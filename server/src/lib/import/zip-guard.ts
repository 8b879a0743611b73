import { inflateRawSync } from 'node:zlib';
import { AppError } from '../errors';

export type ZipLimits = { maxEntries: number; maxTotalBytes: number };

const notXlsx = () =>
  new AppError(400, 'xlsx_invalid', {
    vi: 'Tệp không phải tệp Excel .xlsx hợp lệ (hỏng hoặc sai định dạng). Hãy mở tệp trong Excel, lưu lại dưới dạng Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8 rồi tải lại.',
    en: 'The file is not a valid Excel .xlsx workbook (damaged or another format). Open it in Excel, save it as an Excel Workbook (.xlsx) or CSV UTF-8 and upload it again.',
  });
const tooBig = (limits: ZipLimits) =>
  new AppError(413, 'xlsx_too_large', {
    vi: `Tệp Excel khi giải nén vượt quá ${Math.round(limits.maxTotalBytes / 1048576)} MB hoặc ${limits.maxEntries} phần. Hãy chia nhỏ danh mục hoặc tải lên dạng CSV UTF-8.`,
    en: `The Excel file unpacks to more than ${Math.round(limits.maxTotalBytes / 1048576)} MB or ${limits.maxEntries} parts. Split the catalogue or upload it as CSV UTF-8.`,
  });

/** A zip file starts with a local file header. */
export const looksLikeZip = (b: Buffer) =>
  b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The end-of-central-directory record: within the last 64 KB + 22 bytes. */
function endOfDirectory(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  throw notXlsx();
}

/**
 * Checks a zip (an .xlsx) before any library unpacks it: every part is inflated here with
 * an output cap, so a decompression bomb stops at `maxTotalBytes` whatever its headers
 * claim. Zip64, encryption and unknown compression are refused as not an .xlsx.
 */
export function assertZipWithin(buf: Buffer, limits: ZipLimits): void {
  try {
    const end = endOfDirectory(buf);
    const entries = buf.readUInt16LE(end + 10);
    let p = buf.readUInt32LE(end + 16);
    if (entries === 0xffff || p === 0xffffffff) throw notXlsx();
    if (entries > limits.maxEntries) throw tooBig(limits);
    let left = limits.maxTotalBytes;
    for (let n = 0; n < entries; n++) {
      if (buf.readUInt32LE(p) !== 0x02014b50) throw notXlsx();
      const flags = buf.readUInt16LE(p + 8);
      const method = buf.readUInt16LE(p + 10);
      const size = buf.readUInt32LE(p + 20);
      const local = buf.readUInt32LE(p + 42);
      p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
      if (flags & 1 || buf.readUInt32LE(local) !== 0x04034b50) throw notXlsx();
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      if (data.length !== size) throw notXlsx();
      if (method === 0) left -= size;
      else if (method === 8) left -= inflateRawSync(data, { maxOutputLength: left + 1 }).length;
      else throw notXlsx();
      if (left < 0) throw tooBig(limits);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    // Inflating past the cap, or a header pointing outside the file.
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig(limits);
    throw notXlsx();
  }
}

export { notXlsx };
