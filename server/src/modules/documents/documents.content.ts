/** The content types the app accepts, told by their first bytes (magic numbers), never by name. */
export type AcceptedType = 'image/jpeg' | 'image/png' | 'application/pdf';

/** Reads the type from the first bytes; undefined for anything else (an .exe renamed .jpg, …). */
export function sniffContentType(bytes: Uint8Array): AcceptedType | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 8 && png.every((b, i) => bytes[i] === b)) return 'image/png';
  // %PDF-
  if (
    bytes.length >= 5 &&
    bytes[0] === 0x25 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x44 &&
    bytes[3] === 0x46 &&
    bytes[4] === 0x2d
  )
    return 'application/pdf';
  return undefined;
}

export const EXTENSION: Record<AcceptedType, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};
