import type { Router } from 'express';
import { IdParamsSchema } from '@tannha/shared';
import type { z } from 'zod';
import type { Db } from '../db/client';
import type { Ability } from '../policies';
import { endpoint, withStatus, type AuthContext } from './http';

/** One admin write: the ability it needs, the body's shared schema and the service function. */
type AdminWrite<S extends z.ZodType, Args extends unknown[]> = {
  can: Ability;
  body: S;
  /** The service function; `ip` goes to the audit trail. */
  run: (db: Db, auth: AuthContext, ...args: [...Args, body: z.infer<S>, ip?: string]) => unknown;
};

/** The admin's list of a resource, for a list that takes no query. */
type AdminList = { can: Ability; run: (db: Db, auth: AuthContext) => unknown };

/**
 * The admin's routes on a resource of its screens: `GET <path>` lists it (when `list` is
 * given; lists with a query declare their own route), `POST <path>` creates (201) and
 * `PATCH <path>/:id` changes one record; both writes hand the caller's IP to the service for
 * the audit trail.
 */
export function adminRoutes<C extends z.ZodType, U extends z.ZodType>(
  router: Router,
  db: Db,
  path: string,
  routes: { list?: AdminList; create: AdminWrite<C, []>; update: AdminWrite<U, [id: string]> },
): void {
  const { list, create, update } = routes;
  if (list) {
    router.get(
      path,
      endpoint({ can: list.can }, async ({ auth }) => list.run(db, auth)),
    );
  }
  router.post(
    path,
    endpoint({ can: create.can, body: create.body }, async ({ auth, body, req }) =>
      withStatus(201, await create.run(db, auth, body as z.infer<C>, req.ip)),
    ),
  );
  router.patch(
    `${path}/:id`,
    endpoint(
      { can: update.can, params: IdParamsSchema, body: update.body },
      async ({ auth, params, body, req }) =>
        update.run(db, auth, params.id, body as z.infer<U>, req.ip),
    ),
  );
}
