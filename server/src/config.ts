import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const onOff = z
  .enum(['on', 'off', 'true', 'false', '1', '0'], { error: 'must be "on" or "off"' })
  .transform((v) => v === 'on' || v === 'true' || v === '1');

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** One entry of TRUST_PROXY's list: a name Express knows, an address, or an address/prefix. */
function isProxyEntry(entry: string): boolean {
  if (PROXY_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const kind = isIP(address);
  if (kind === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (kind === 4 ? 32 : 128);
}

/**
 * Which proxies' X-Forwarded-For / -Proto headers are believed (Express's `trust proxy`):
 * `false` (none), a number of hops, or a comma-separated list of addresses, subnets and the
 * names loopback, linklocal, uniquelocal. `true` (believe anyone) is refused: any client
 * could then pick its own address and dodge the login throttle.
 */
const trustProxy = z
  .string()
  .default('loopback')
  .transform((v) => v.trim())
  .refine(
    (v) =>
      v === 'false' ||
      /^\d{1,2}$/.test(v) ||
      v
        .split(',')
        .map((e) => e.trim())
        .every(isProxyEntry),
    {
      error:
        'must be false, a number of proxy hops, or a comma-separated list of addresses/subnets (loopback, linklocal, uniquelocal allowed)',
    },
  )
  .transform((v): false | number | string[] =>
    v === 'false' ? false : /^\d+$/.test(v) ? Number(v) : v.split(',').map((e) => e.trim()),
  );

const EnvSchema = z.object({
  PORT: z
    .string()
    .default('3000')
    .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 65535, {
      error: 'must be a whole number between 1 and 65535',
    })
    .transform(Number),
  DATABASE_URL: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || /^postgres(ql)?:\/\//.test(v), {
      error: 'must start with postgres:// or postgresql://',
    })
    .transform((v) => (v ? v : undefined)),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_BASE_URL: z
    .url({ error: 'must be a full URL such as https://1022.example.vn' })
    .optional(),
  SESSION_SECRET: z.string().min(32, { error: 'must be at least 32 characters' }).optional(),
  DEMO_DATA: onOff.optional(),
  DEMO_PASSWORD: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
  TRUST_PROXY: trustProxy,
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, { error: 'must look like AC followed by 32 hex digits' })
    .optional(),
  TWILIO_AUTH_TOKEN: z
    .string()
    .min(16, { error: 'looks too short for a Twilio auth token' })
    .optional(),
  TWILIO_FROM_NUMBER: z
    .string()
    .regex(/^\+\d{6,15}$/, { error: 'must be in E.164 form, e.g. +84912345678' })
    .optional(),
  MAP_TILE_URL: z.string().min(1).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  OSRM_URL: z.url({ error: 'must be a full URL' }).optional(),
  GEOCODER_URL: z
    .url({
      protocol: /^https?$/,
      error:
        'must be a full http(s) URL of a Nominatim-compatible search API, such as https://nominatim.example.vn',
    })
    .optional(),
  UPLOAD_MAX_BYTES: z
    .string()
    .optional()
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1024), {
      error: 'must be a whole number of bytes, at least 1024',
    })
    .transform((v) => (v === undefined ? 10 * 1024 * 1024 : Number(v))),
  UPLOAD_MAX_PIXELS: z
    .string()
    .optional()
    .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= 1_000_000), {
      error: 'must be a whole number of pixels, at least 1000000',
    })
    .transform((v) => (v === undefined ? 40_000_000 : Number(v))),
  S3_ENDPOINT: z.url({ error: 'must be a full URL such as https://s3.example.vn' }).optional(),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  NODE_ENV: z.string().optional(),
});

export type Config = Readonly<{
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  publicBaseUrl: string;
  sessionSecret: string;
  /** Express's `trust proxy`: which proxies may tell the client's address and scheme. */
  trustProxy: false | number | readonly string[];
  demoData: boolean;
  demoPassword: string | undefined;
  twilio: Readonly<{ accountSid: string; authToken: string; fromNumber: string }> | undefined;
  mapTileUrl: string;
  osrmUrl: string | undefined;
  /** A Nominatim-compatible search API for address suggestions; unset → pin on the map only. */
  geocoderUrl: string | undefined;
  /** Largest upload (scan, photo, signature) accepted, in bytes. */
  uploadMaxBytes: number;
  /** Most pixels an uploaded image may have (width × height); guards against decompression bombs. */
  uploadMaxPixels: number;
  /** S3-compatible file storage; unset → local disk under DATA_DIR/files. */
  s3:
    | Readonly<{
        endpoint: string;
        bucket: string;
        region: string;
        accessKeyId: string;
        secretAccessKey: string;
      }>
    | undefined;
  isTest: boolean;
}>;

/** Thrown with one line per bad variable, so start-up can print them and exit. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/**
 * Reads the environment once, checks every variable and returns a frozen, typed config.
 * Every problem is reported (not only the first) so an operator fixes them in one go.
 * A missing SESSION_SECRET is generated once and kept in DATA_DIR so sessions survive
 * restarts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (common in compose files: FOO=${FOO:-}) means "not set".
  env = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const name = String(i.path[0] ?? '?');
        const raw = env[name];
        return `${name} ${i.message}${raw !== undefined ? ` (got "${raw.length > 60 ? raw.slice(0, 60) + '…' : raw}")` : ''}`;
      }),
    );
  }
  const e = parsed.data;
  const twilioVars = [e.TWILIO_ACCOUNT_SID, e.TWILIO_AUTH_TOKEN, e.TWILIO_FROM_NUMBER];
  const twilioSet = twilioVars.filter(Boolean).length;
  if (twilioSet > 0 && twilioSet < 3 && e.TWILIO_AUTH_TOKEN === undefined) {
    throw new ConfigError([
      'TWILIO_AUTH_TOKEN is required when TWILIO_ACCOUNT_SID or TWILIO_FROM_NUMBER is set',
    ]);
  }
  if (e.S3_BUCKET && !(e.S3_ENDPOINT && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY)) {
    throw new ConfigError([
      'S3_BUCKET needs S3_ENDPOINT, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY as well (or unset it to keep files on local disk)',
    ]);
  }
  const dataDir = path.resolve(e.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  return Object.freeze({
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET ?? loadOrCreateSecret(dataDir),
    trustProxy: e.TRUST_PROXY,
    demoData: e.DEMO_DATA ?? e.DATABASE_URL === undefined,
    demoPassword: e.DEMO_PASSWORD,
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM_NUMBER
        ? Object.freeze({
            accountSid: e.TWILIO_ACCOUNT_SID,
            authToken: e.TWILIO_AUTH_TOKEN,
            fromNumber: e.TWILIO_FROM_NUMBER,
          })
        : undefined,
    mapTileUrl: e.MAP_TILE_URL,
    osrmUrl: e.OSRM_URL,
    geocoderUrl: e.GEOCODER_URL,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    uploadMaxPixels: e.UPLOAD_MAX_PIXELS,
    s3:
      e.S3_BUCKET && e.S3_ENDPOINT && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY
        ? Object.freeze({
            endpoint: e.S3_ENDPOINT,
            bucket: e.S3_BUCKET,
            region: e.S3_REGION,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          })
        : undefined,
    isTest: e.NODE_ENV === 'test',
  });
}

function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('hex');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}
