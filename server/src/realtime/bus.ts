import { EventEmitter } from 'node:events';

/** Where an event goes: socket.io room names (see `rooms` in socket-server.ts). */
export type Delivery = { rooms: string[]; event: string; payload: unknown };

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
