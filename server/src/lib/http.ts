import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { IdParamsSchema, ROLE_VALUES, type RoleValue } from '@tannha/shared';
import type { z } from 'zod';
import type { Db } from '../db/client';
import {
  forbidden,
  unauthenticated,
  validationFailed,
  type Locale,
  type LocalizedText,
} from './errors';
import { parseWithMessages } from './validation';
import { rolesFor, type Ability } from '../policies';

export type Role = RoleValue;
/** The one role list lives in shared (`ROLE_VALUES`). */
export const ROLES = ROLE_VALUES;

/** Every office role (everyone but couriers). */
export const OFFICE_ROLES: readonly Role[] = ['operator', 'dispatcher', 'manager', 'admin'];
/** Every signed-in role. */
export const ALL_ROLES: readonly Role[] = ROLES;

export type AuthUser = {
  id: string;
  username: string;
  fullName: string;
  role: Role;
  unitId: string;
  unitName: string;
};

/**
 * Who is calling and which units they may see (their own and every unit below it).
 * `unitIsTop`: the caller's unit has no parent (province-wide rules read it; see policies).
 */
export type AuthContext = {
  user: AuthUser;
  unitIds: readonly string[];
  sessionId: string;
  unitIsTop?: boolean;
};

declare module 'express-serve-static-core' {
  interface Request {
    auth?: AuthContext;
    locale: Locale;
    requestId: string;
  }
}

type Schema = z.ZodType;

type EndpointSpec<
  B extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
> = {
  /** Roles that may call it; `'public'` for no login. Prefer `can`. */
  roles?: readonly Role[] | 'public';
  /** The ability the route needs (see `policies/`), or `'public'` for no login. */
  can?: Ability | 'public';
  body?: B;
  query?: Q;
  params?: P;
};

type Infer<S> = S extends Schema ? z.infer<S> : undefined;

export type EndpointContext<B, Q, P, A> = {
  req: Request;
  res: Response;
  auth: A;
  body: B;
  query: Q;
  params: P;
  locale: Locale;
};

/** What a handler returns: a body (200), or a status with an optional body. */
export type EndpointResult =
  unknown | { status: number; body?: unknown; headers?: Record<string, string> };

/** Where `endpoint()` records the ability a handler declared (read by the policy test). */
export const ABILITY = Symbol.for('tannha.endpoint.ability');

const RESULT = Symbol('endpoint-result');
/** Marks a handler result that carries its own status (201, 204, …). */
export function withStatus(status: number, body?: unknown, headers?: Record<string, string>) {
  return { [RESULT]: true, status, body, headers };
}

/**
 * One route as a readable chain: authenticate → check the role → validate with the shared
 * zod schemas → call the handler → send JSON. Unit checks belong to the service, which
 * knows which record is touched.
 */
export function endpoint<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
  R extends readonly Role[] | 'public' = readonly Role[],
  C extends Ability | 'public' = Ability,
>(
  spec: EndpointSpec<B, Q, P> & ({ roles: R; can?: never } | { can: C; roles?: never }),
  handler: (
    ctx: EndpointContext<
      Infer<B>,
      Infer<Q>,
      Infer<P>,
      'public' extends R | C ? AuthContext | undefined : AuthContext
    >,
  ) => Promise<EndpointResult> | EndpointResult,
): RequestHandler {
  const ability = spec.can ?? (spec.roles === 'public' ? 'public' : undefined);
  const roles: readonly string[] | 'public' =
    spec.can === undefined
      ? (spec.roles ?? [])
      : spec.can === 'public'
        ? 'public'
        : rolesFor(spec.can);
  const run = async (req: Request, res: Response, next: NextFunction) => {
    try {
      if (roles !== 'public') {
        if (!req.auth) throw unauthenticated();
        if (!roles.includes(req.auth.user.role)) throw forbidden();
      }
      const fields: Record<string, LocalizedText> = {};
      const parse = (schema: Schema | undefined, value: unknown, prefix: string) => {
        if (!schema) return undefined;
        const r = parseWithMessages(schema, value, prefix);
        if (r.ok) return r.data;
        Object.assign(fields, r.fields);
        return undefined;
      };
      const params = parse(spec.params, req.params, 'params');
      const query = parse(spec.query, req.query, 'query');
      const body = parse(spec.body, req.body ?? {}, '');
      if (Object.keys(fields).length > 0) throw validationFailed(fields);
      const result = await handler({
        req,
        res,
        auth: req.auth as never,
        body: body as never,
        query: query as never,
        params: params as never,
        locale: req.locale,
      });
      if (res.headersSent) return;
      if (result && typeof result === 'object' && RESULT in result) {
        const r = result as unknown as {
          status: number;
          body?: unknown;
          headers?: Record<string, string>;
        };
        if (r.headers) res.set(r.headers);
        if (r.body === undefined) res.status(r.status).end();
        else res.status(r.status).json(r.body);
        return;
      }
      res.json(result ?? {});
    } catch (err) {
      next(err);
    }
  };
  return Object.assign(run, { [ABILITY]: ability ?? 'roles' });
}

type Handled = Promise<EndpointResult> | EndpointResult;

/**
 * A route on one record, `…/:id` (a uuid), whose handler needs only the caller, the id and,
 * when a body schema is given, the body: `byId('calls.read', (auth, id) => getCall(db, auth, id))`.
 * Routes that read the request itself (IP, headers, files) use {@link endpoint}.
 */
export function byId(
  can: Ability,
  handler: (auth: AuthContext, id: string) => Handled,
): RequestHandler;
export function byId<B extends Schema>(
  can: Ability,
  body: B,
  handler: (auth: AuthContext, id: string, body: z.infer<B>) => Handled,
): RequestHandler;
export function byId(
  can: Ability,
  bodyOrHandler: Schema | ((auth: AuthContext, id: string) => Handled),
  handler?: (auth: AuthContext, id: string, body: unknown) => Handled,
): RequestHandler {
  if (typeof bodyOrHandler === 'function') {
    return endpoint({ can, params: IdParamsSchema }, ({ auth, params }) =>
      bodyOrHandler(auth, params.id),
    );
  }
  return endpoint({ can, params: IdParamsSchema, body: bodyOrHandler }, ({ auth, params, body }) =>
    handler!(auth, params.id, body),
  );
}

/**
 * A route whose handler needs only the caller and the query string, checked with a shared
 * schema: `byQuery('calls.list', ListCallsQuerySchema, (auth, query) => listCalls(db, auth, query))`.
 */
export function byQuery<Q extends Schema>(
  can: Ability,
  query: Q,
  handler: (auth: AuthContext, query: z.infer<Q>) => Handled,
): RequestHandler {
  return endpoint({ can, query }, ({ auth, query: q }) => handler(auth, q as z.infer<Q>));
}

/** The ability a handler built by `endpoint()` declared, or undefined for any other handler. */
export function declaredAbility(handler: unknown): string | undefined {
  return typeof handler === 'function'
    ? ((handler as unknown as Record<symbol, string | undefined>)[ABILITY] ?? undefined)
    : undefined;
}

/** Dependencies every module's router gets. */
export type ModuleDeps = { db: Db };
