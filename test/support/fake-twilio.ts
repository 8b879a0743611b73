import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeMessage = {
  sid: string;
  to: string;
  from: string;
  body: string;
  statusCallback: string | null;
  dateCreated: Date;
};

/**
 * A stand-in for Twilio's Messages API on 127.0.0.1: creates and lists messages, and can
 * be told to misbehave on the next POSTs — answer 500, or take the request and never
 * answer (after creating the message, or without creating it).
 */
export async function startFakeTwilio() {
  const messages: FakeMessage[] = [];
  let posts = 0;
  const plan: Array<'fail500' | 'createThenHang' | 'hangWithoutCreating'> = [];
  const hanging: ServerResponse[] = [];
  let onPost: (() => void) | undefined;

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      if (!/^\/2010-04-01\/Accounts\/AC\w+\/Messages\.json$/.test(url.pathname)) {
        res.writeHead(404).end();
        return;
      }
      if (!req.headers.authorization?.startsWith('Basic ')) {
        res.writeHead(401).end();
        return;
      }
      if (req.method === 'GET') {
        const to = url.searchParams.get('To');
        const list = messages.filter((m) => !to || m.to === to).reverse();
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ messages: list.map(wire) }));
        return;
      }
      posts += 1;
      onPost?.();
      const form = new URLSearchParams(raw);
      const step = plan.shift();
      if (step === 'fail500') {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ code: 20500, message: 'Internal Server Error' }));
        return;
      }
      const create = () => {
        const m: FakeMessage = {
          sid: `SM${String(messages.length + 1).padStart(32, '0')}`,
          to: form.get('To') ?? '',
          from: form.get('From') ?? '',
          body: form.get('Body') ?? '',
          statusCallback: form.get('StatusCallback'),
          dateCreated: new Date(),
        };
        messages.push(m);
        return m;
      };
      if (step === 'createThenHang') {
        create();
        hanging.push(res);
        return;
      }
      if (step === 'hangWithoutCreating') {
        hanging.push(res);
        return;
      }
      const m = create();
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(wire(m)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  function wire(m: FakeMessage) {
    return {
      sid: m.sid,
      to: m.to,
      from: m.from,
      body: m.body,
      status: 'queued',
      date_created: m.dateCreated.toUTCString(),
    };
  }

  return {
    url: `http://127.0.0.1:${port}`,
    messages,
    posts: () => posts,
    /** What the next POSTs do, in order; after the plan runs out every POST succeeds. */
    plan: (...steps: typeof plan) => plan.push(...steps),
    /** Resolves when the server has received `n` POSTs in total. */
    waitForPosts: (n: number, timeoutMs = 20_000) =>
      new Promise<void>((resolve, reject) => {
        if (posts >= n) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`fake Twilio got ${posts} POSTs, expected ${n}`)),
          timeoutMs,
        );
        onPost = () => {
          if (posts >= n) {
            clearTimeout(timer);
            resolve();
          }
        };
      }),
    close: async () => {
      for (const r of hanging) r.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
