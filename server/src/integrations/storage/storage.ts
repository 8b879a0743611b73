import { createHash, createHmac } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the bytes of scans, photos and signatures live. Keys are relative paths made by the
 * server (`jobs/<jobId>/<uuid>.jpg`), never from user input. Local disk under DATA_DIR is the
 * default; an S3-compatible bucket is the option for several server nodes.
 */
export type Storage = {
  readonly kind: 'local' | 's3';
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
};

function assertSafeKey(key: string): void {
  if (!/^[A-Za-z0-9][A-Za-z0-9/_.-]*$/.test(key) || key.includes('..')) {
    throw new Error(`storage: unsafe key '${key}'`);
  }
}

/**
 * Files under `root` (normally `DATA_DIR/files`). Writes go to a temporary name and are
 * renamed into place, so a crash never leaves half a file under the real key.
 */
export function createLocalStorage(root: string): Storage {
  const full = (key: string) => {
    assertSafeKey(key);
    return path.join(root, key);
  };
  return {
    kind: 'local',
    async put(key, bytes) {
      const file = full(key);
      await mkdir(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(tmp, bytes);
      await rename(tmp, file);
    },
    async get(key) {
      return readFile(full(key));
    },
    async delete(key) {
      await rm(full(key), { force: true });
    },
  };
}

export type S3StorageOptions = {
  /** e.g. https://s3.ap-southeast-1.amazonaws.com or http://minio:9000 */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key prefix inside the bucket. */
  prefix?: string;
};

const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) =>
  createHmac('sha256', key).update(data).digest();

/**
 * An S3-compatible bucket through path-style requests signed with AWS Signature V4 (works
 * with AWS S3, MinIO, Ceph and the Vietnamese clouds' S3 gateways). Small and dependency
 * free: three verbs are all the app needs.
 */
export function createS3Storage(opts: S3StorageOptions, fetchImpl: typeof fetch = fetch): Storage {
  const base = new URL(opts.endpoint);
  const prefix = opts.prefix ? opts.prefix.replace(/\/+$/, '') + '/' : '';

  async function send(
    method: 'PUT' | 'GET' | 'DELETE',
    key: string,
    body?: Buffer,
    contentType?: string,
  ) {
    assertSafeKey(key);
    const objectPath = `/${opts.bucket}/${prefix}${key}`
      .split('/')
      .map(encodeURIComponent)
      .join('/');
    const url = new URL(objectPath, base);
    const now = new Date();
    const amzDate = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    const day = amzDate.slice(0, 8);
    const payloadHash = sha256Hex(body ?? '');
    const headers: Record<string, string> = {
      host: url.host,
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': amzDate,
    };
    if (contentType) headers['content-type'] = contentType;
    const signedHeaderNames = Object.keys(headers).sort();
    const canonical = [
      method,
      url.pathname,
      '',
      signedHeaderNames.map((h) => `${h}:${headers[h]}\n`).join(''),
      signedHeaderNames.join(';'),
      payloadHash,
    ].join('\n');
    const scope = `${day}/${opts.region}/s3/aws4_request`;
    const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
    const kDate = hmac(`AWS4${opts.secretAccessKey}`, day);
    const kSigning = hmac(hmac(hmac(kDate, opts.region), 's3'), 'aws4_request');
    const signature = createHmac('sha256', kSigning).update(toSign).digest('hex');
    const authorization = `AWS4-HMAC-SHA256 Credential=${opts.accessKeyId}/${scope}, SignedHeaders=${signedHeaderNames.join(';')}, Signature=${signature}`;
    const { host: _host, ...sent } = headers;
    const res = await fetchImpl(url, {
      method,
      headers: { ...sent, authorization },
      body: body ? new Uint8Array(body) : undefined,
    });
    if (!res.ok && !(method === 'DELETE' && res.status === 404)) {
      throw new Error(`storage: S3 ${method} ${key} answered ${res.status}`);
    }
    return res;
  }

  return {
    kind: 's3',
    async put(key, bytes, contentType) {
      await send('PUT', key, bytes, contentType);
    },
    async get(key) {
      const res = await send('GET', key);
      return Buffer.from(await res.arrayBuffer());
    },
    async delete(key) {
      await send('DELETE', key);
    },
  };
}

/**
 * The storage the server uses: S3 when `S3_BUCKET` (with endpoint and keys) is configured,
 * local disk under `DATA_DIR/files` otherwise.
 */
export function createStorage(cfg: {
  dataDir: string;
  s3?: S3StorageOptions | undefined;
}): Storage {
  if (cfg.s3) return createS3Storage(cfg.s3);
  return createLocalStorage(path.join(cfg.dataDir, 'files'));
}
