/** Longest side of a photo sent to the server: enough to read a paper, small on a weak network. */
const MAX_SIDE = 1600;
const QUALITY = 0.72;

/**
 * Downscales and recompresses a camera photo on the phone (canvas → JPEG) before it is queued,
 * so uploads stay around 150–300 KB. Falls back to the original file when the browser cannot
 * decode it (it is still checked by the server).
 */
export async function compressImage(file: Blob): Promise<Blob> {
  if (!file.type.startsWith('image/')) return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const w = Math.max(1, Math.round(bitmap.width * scale));
    const h = Math.max(1, Math.round(bitmap.height * scale));
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return file;
    ctx.drawImage(bitmap, 0, 0, w, h);
    bitmap.close();
    const out = await new Promise<Blob | null>((resolve) =>
      canvas.toBlob(resolve, 'image/jpeg', QUALITY),
    );
    return out && out.size < file.size ? out : file;
  } catch {
    return file;
  }
}
