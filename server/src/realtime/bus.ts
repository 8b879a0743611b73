import { EventEmitter } from 'node:events';
import type { Ability, RecordOf } from '../policies';

/**
 * Who may receive an event: the ability the receiver must hold on the record (checked against
 * each receiving socket's current session, not only its rooms), and users who get it anyway
 * (a courier whose job was taken away, so their screen drops it).
 */
export type DeliveryScope = {
  [A in Ability]: { ability: A; record: RecordOf<A>; alsoUsers?: readonly (string | null)[] };
}[Ability];

/** Where an event goes: socket.io room names (see `rooms` in socket-server.ts), and who of them may see it. */
export type Delivery = { rooms: string[]; event: string; payload: unknown; scope: DeliveryScope };

/**
 * Sessions whose sockets must close at once: one session (logout), or every session of a user
 * (disabled, password reset, role or unit changed), optionally but one (a password change keeps
 * the session that made it).
 */
export type Revocation =
  { sessionId: string } | { userId: string; exceptSessionId?: string | undefined };

const emitter = new EventEmitter();
emitter.setMaxListeners(50);

/**
 * Services publish after their transaction commits; the socket server (when one runs)
 * forwards to the rooms. Without a socket server (API tests, scripts) nothing listens and
 * publishing costs nothing. Keeping services unaware of socket.io keeps them testable.
 */
export function publish(delivery: Delivery): void {
  emitter.emit('delivery', delivery);
}

/** Subscribes to every delivery; returns the unsubscribe function. */
export function subscribe(listener: (d: Delivery) => void): () => void {
  emitter.on('delivery', listener);
  return () => emitter.off('delivery', listener);
}

/**
 * Ends the live connections of sessions that were just deleted (after commit). Goes through
 * the bus like events, so a multi-node adapter carries it to every node.
 */
export function revoke(revocation: Revocation): void {
  emitter.emit('revocation', revocation);
}

/** Subscribes to revocations; returns the unsubscribe function. */
export function subscribeRevocations(listener: (r: Revocation) => void): () => void {
  emitter.on('revocation', listener);
  return () => emitter.off('revocation', listener);
}
