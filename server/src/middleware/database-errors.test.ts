import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../db/client';
import { isDatabaseUnavailable } from './database-errors';

/** An error as node-postgres raises it: a message and, for server errors, a SQLSTATE. */
const pgError = (message: string, code?: string) => Object.assign(new Error(message), { code });
/** Drizzle wraps the driver's error as the cause of its own. */
const wrapped = (cause: unknown) => new Error('Failed query: select 1', { cause });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', pgError('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', pgError('read ECONNRESET', 'ECONNRESET')],
    ['an administrator shutdown', pgError('terminating connection', '57P01')],
    ['a server starting up', pgError('the database system is starting up', '57P03')],
    ['a connection exception (class 08)', pgError('connection failure', '08006')],
    ['too many connections', pgError('sorry, too many clients already', '53300')],
    ['a connection lost mid-query', pgError('Connection terminated unexpectedly')],
    ['a pool that cannot connect in time', pgError('timeout exceeded when trying to connect')],
    ['a closed embedded database', pgError('PGlite is closed')],
    ['an unreachable database at start', new DatabaseUnavailableError('Cannot reach')],
  ])('recognises %s, also wrapped by the query builder', (_what, err) => {
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(isDatabaseUnavailable(wrapped(err))).toBe(true);
  });

  it.each([
    ['a unique violation', pgError('duplicate key value', '23505')],
    ['a NUL in text', pgError('invalid byte sequence for encoding "UTF8": 0x00', '22021')],
    ['a deadlock', pgError('deadlock detected', '40P01')],
    ['a programming error', new TypeError('x is undefined')],
    ['nothing at all', undefined],
  ])('leaves %s to the 500 branch', (_what, err) => {
    expect(isDatabaseUnavailable(wrapped(err))).toBe(false);
  });
});
