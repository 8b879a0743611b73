import sharp from 'sharp';
import { AppError } from '../../lib/errors';

/**
 * Longest edge a stored image keeps: 2480 px is an A4 page at 300 dpi, enough to read any
 * paper; a phone's 50-megapixel photo is scaled down to it.
 */
export const MAX_IMAGE_EDGE = 2480;

/** 422: the bytes start like an image but do not decode (a broken file or a disguised one). */
export function imageUndecodable(): AppError {
  return new AppError(422, 'image_undecodable', {
    vi: 'Không đọc được ảnh này (tệp hỏng hoặc không phải ảnh thật). Hãy chụp lại hoặc gửi ảnh JPEG hoặc PNG.',
    en: 'This image cannot be read (the file is damaged or not a real image). Take the photo again or send a JPEG or PNG image.',
  });
}

/** 422: more pixels than the limit (a decompression bomb or an absurd resolution). */
export function imageTooLarge(maxPixels: number): AppError {
  const mp = Math.floor(maxPixels / 1_000_000);
  return new AppError(422, 'image_too_large', {
    vi: `Ảnh có quá nhiều điểm ảnh (tối đa ${mp} megapixel). Hãy chụp lại với độ phân giải thấp hơn hoặc gửi ảnh JPEG hoặc PNG nhỏ hơn.`,
    en: `The image has too many pixels (at most ${mp} megapixels). Take the photo again at a lower resolution or send a smaller JPEG or PNG.`,
  });
}

/** What an uploaded image becomes: the only bytes that are ever stored. */
export type NormalizedImage = {
  bytes: Buffer;
  contentType: 'image/jpeg' | 'image/png';
  width: number;
  height: number;
};

/** libvips says this when the header announces more pixels than `limitInputPixels`. */
const PIXEL_LIMIT = /pixel limit/i;

/**
 * Decodes an uploaded JPEG or PNG and encodes it again, so that what is stored is an image we
 * made: turned upright by its EXIF orientation, scaled to at most MAX_IMAGE_EDGE, with no
 * metadata left (GPS, camera serials) and nothing after the image data (a polyglot's HTML).
 * A JPEG stays a JPEG (photos); a PNG stays a PNG (signatures and line art, with their
 * transparency). The pixel limit is checked from the header, before any pixel is decoded.
 * sharp works on libuv's thread pool, so the event loop keeps serving meanwhile.
 */
export async function normalizeImage(
  input: Buffer,
  contentType: 'image/jpeg' | 'image/png',
  maxPixels: number,
): Promise<NormalizedImage> {
  try {
    const pipeline = sharp(input, { limitInputPixels: maxPixels, failOn: 'error' })
      .rotate()
      .resize({
        width: MAX_IMAGE_EDGE,
        height: MAX_IMAGE_EDGE,
        fit: 'inside',
        withoutEnlargement: true,
      });
    const encoded =
      contentType === 'image/png'
        ? pipeline.png({ compressionLevel: 9 })
        : pipeline.jpeg({ quality: 85, mozjpeg: true });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { bytes: data, contentType, width: info.width, height: info.height };
  } catch (err) {
    if (err instanceof Error && PIXEL_LIMIT.test(err.message)) throw imageTooLarge(maxPixels);
    throw imageUndecodable();
  }
}

/** Runs at most `limit` tasks at once; the others wait their turn in order. */
export type Gate = <T>(task: () => Promise<T>) => Promise<T>;

/**
 * A small queue that bounds how many decodes (or bundle threads) run at once, so that a burst
 * of uploads cannot take every core and all the memory of the server.
 */
export function createGate(limit: number): Gate {
  let running = 0;
  const waiting: Array<() => void> = [];
  // A finished task hands its slot straight to the next in line, so none can jump the queue.
  const acquire = (): Promise<void> => {
    if (running < limit) {
      running += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => waiting.push(resolve));
  };
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  };
  return async <T>(task: () => Promise<T>): Promise<T> => {
    await acquire();
    try {
      return await task();
    } finally {
      release();
    }
  };
}
