import type { IncomingCallEvent } from '@tannha/shared';
import { useEffect } from 'react';
import { io } from 'socket.io-client';

/**
 * Listens for `calls.incoming` (the screen pop the server sends to the unit's operators).
 * The socket authenticates with the session cookie on the handshake.
 */
export function useIncomingCalls(onCall: (e: IncomingCallEvent) => void) {
  useEffect(() => {
    const socket = io({ transports: ['websocket', 'polling'], withCredentials: true });
    socket.on('calls.incoming', onCall);
    return () => {
      socket.off('calls.incoming', onCall);
      socket.disconnect();
    };
  }, [onCall]);
}
