import request from 'supertest';
import type { Express } from 'express';
import { sql } from 'drizzle-orm';
import type { Db } from '../../server/src/db/client';

/** One sign-in attempt as if it came from `address` through the trusted local proxy. */
export function tryLogin(app: Express, username: string, password: string, address: string) {
  return request(app)
    .post('/api/auth/login')
    .set('X-Forwarded-For', address)
    .send({ username, password });
}

/** Lets the time of every waiting attempt at `username` pass, as if the wait were over. */
export async function backdateLoginThrottles(db: Db, username: string): Promise<void> {
  await db.execute(
    sql`update login_throttles set next_allowed_at = now() - interval '1 second' where username = ${username.toLowerCase()}`,
  );
}
