import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

import { currentLocale } from '@/lib/i18n';

/**
 * The courier's outbox: every write the phone makes goes here first (IndexedDB, so it
 * survives closing the app or restarting the phone) and is sent in order when the network
 * allows. Each action carries its own Idempotency-Key (its id), so a retry after a lost
 * answer is applied once; the time and place it happened travel with it. Photos and
 * signatures are stored as blobs and uploaded whole: files are downscaled on the phone
 * (≈200 KB), so re-sending a small file with the same key is how an upload "resumes".
 *
 * A later action can use the server id returned by an earlier one (a handover names the
 * signature uploaded just before it) by writing `"@ref:<actionId>"` in its body.
 */

export type OutboxForm = { fields: Record<string, string>; file: Blob; filename: string };

export type OutboxAction = {
  /** Auto-increment: the order actions are sent in. */
  seq?: number;
  /** uuid; sent as Idempotency-Key. */
  id: string;
  jobId: string | null;
  /** What the courier did, for the "waiting to sync" list. */
  label: string;
  url: string;
  json?: unknown;
  form?: OutboxForm;
  occurredAt: string;
  lat?: number | undefined;
  lng?: number | undefined;
  /** The job's status once this action is applied (shown while it waits). */
  expectStatus?: string | undefined;
  state: 'pending' | 'failed';
  error?: string | undefined;
  attempts: number;
};

type Schema = DBSchema & {
  outbox: { key: number; value: OutboxAction; indexes: { byId: string } };
  results: { key: string; value: { id: string; resultId: string; at: string } };
};

let dbPromise: Promise<IDBPDatabase<Schema>> | undefined;
function db() {
  dbPromise ??= openDB<Schema>('tannha-courier', 1, {
    upgrade(d) {
      const s = d.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true });
      s.createIndex('byId', 'id', { unique: true });
      d.createObjectStore('results', { keyPath: 'id' });
    },
  });
  return dbPromise;
}

export type OutboxState = {
  actions: OutboxAction[];
  syncing: boolean;
  /** Upload progress of the action being sent, 0–1. */
  progress: number | null;
  online: boolean;
};

let state: OutboxState = {
  actions: [],
  syncing: false,
  progress: null,
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
};
const listeners = new Set<() => void>();
const doneListeners = new Set<(a: OutboxAction, body: unknown) => void>();

function set(patch: Partial<OutboxState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}

export function subscribeOutbox(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
export function outboxSnapshot(): OutboxState {
  return state;
}
/** Called after each action reaches the server (to refresh screens). */
export function onActionSynced(l: (a: OutboxAction, body: unknown) => void): () => void {
  doneListeners.add(l);
  return () => doneListeners.delete(l);
}

async function reload() {
  const all = await (await db()).getAll('outbox');
  set({ actions: all });
}

/** Queues an action and starts sending at once when online. Returns its id. */
export async function enqueue(
  action: Omit<OutboxAction, 'state' | 'attempts' | 'seq'>,
): Promise<string> {
  await (await db()).add('outbox', { ...action, state: 'pending', attempts: 0 });
  await reload();
  void syncNow();
  return action.id;
}

/** Drops a failed action the courier chose not to send. */
export async function discard(seq: number): Promise<void> {
  await (await db()).delete('outbox', seq);
  await reload();
  void syncNow();
}

/** Marks failed actions pending again and sends. */
export async function retryAll(): Promise<void> {
  const d = await db();
  for (const a of await d.getAll('outbox'))
    if (a.state === 'failed') await d.put('outbox', { ...a, state: 'pending', error: undefined });
  await reload();
  void syncNow();
}

/** The server id an action created (an upload's document, a record), once it was sent. */
export async function findResultId(actionId: string): Promise<string | undefined> {
  return (await (await db()).get('results', actionId))?.resultId;
}

async function resolveRefs(value: unknown): Promise<unknown> {
  if (typeof value === 'string' && value.startsWith('@ref:')) {
    const r = await (await db()).get('results', value.slice(5));
    if (!r) throw new Error(`missing result for ${value}`);
    return r.resultId;
  }
  if (Array.isArray(value)) return Promise.all(value.map(resolveRefs));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await resolveRefs(v);
    return out;
  }
  return value;
}

type Sent = { status: number; body: unknown };

function send(a: OutboxAction, json: unknown): Promise<Sent> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', a.url);
    xhr.setRequestHeader('Idempotency-Key', a.id);
    xhr.setRequestHeader('Accept', 'application/json');
    // A refusal is shown to the courier as the server words it: in the app's language.
    xhr.setRequestHeader('Accept-Language', currentLocale());
    xhr.withCredentials = true;
    xhr.timeout = 60_000;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) set({ progress: e.loaded / e.total });
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.ontimeout = () => resolve({ status: 0, body: null });
    if (a.form) {
      const fd = new FormData();
      for (const [k, v] of Object.entries(a.form.fields)) fd.append(k, v);
      fd.append('occurredAt', a.occurredAt);
      if (a.lat !== undefined && a.lng !== undefined) {
        fd.append('lat', String(a.lat));
        fd.append('lng', String(a.lng));
      }
      fd.append('file', a.form.file, a.form.filename);
      xhr.send(fd);
    } else {
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.send(JSON.stringify(json));
    }
  });
}

let running: Promise<void> | undefined;

/** Sends queued actions in order until the queue is empty, the network fails or an action is refused. */
export function syncNow(): Promise<void> {
  running ??= (async () => {
    try {
      set({ syncing: true });
      const d = await db();
      for (;;) {
        const cursor = await d.transaction('outbox').store.openCursor();
        const a = cursor?.value;
        if (!a || a.state === 'failed') break;
        if (typeof navigator !== 'undefined' && !navigator.onLine) break;
        let json: unknown;
        try {
          json = a.json === undefined ? undefined : await resolveRefs(a.json);
        } catch (err) {
          await d.put('outbox', { ...a, state: 'failed', error: (err as Error).message });
          break;
        }
        const res = await send(a, json);
        set({ progress: null });
        if (
          res.status === 0 ||
          res.status >= 500 ||
          res.status === 408 ||
          res.status === 429 ||
          res.status === 401
        ) {
          await d.put('outbox', { ...a, attempts: a.attempts + 1 });
          break;
        }
        if (res.status >= 400) {
          const msg =
            (res.body as { error?: { message?: string } } | null)?.error?.message ??
            `HTTP ${res.status}`;
          await d.put('outbox', { ...a, state: 'failed', error: msg, attempts: a.attempts + 1 });
          break;
        }
        const id = (res.body as { id?: unknown } | null)?.id;
        if (typeof id === 'string')
          await d.put('results', { id: a.id, resultId: id, at: new Date().toISOString() });
        await d.delete('outbox', a.seq!);
        doneListeners.forEach((l) => l(a, res.body));
        await reload();
      }
    } finally {
      await reload();
      set({ syncing: false, progress: null });
      running = undefined;
    }
  })();
  return running;
}

let started = false;
/** Loads the queue, then syncs on start, when the network returns and every 20 s. */
export function startOutbox(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  void reload().then(() => syncNow());
  window.addEventListener('online', () => {
    set({ online: true });
    void syncNow();
  });
  window.addEventListener('offline', () => set({ online: false }));
  setInterval(() => {
    if (navigator.onLine && state.actions.some((a) => a.state === 'pending')) void syncNow();
  }, 20_000);
}
