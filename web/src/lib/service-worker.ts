/**
 * Asks the service worker to drop the API answers it keeps for offline use (logout: the
 * next person on a shared phone must not open the previous courier's jobs offline). Queued
 * offline actions are not touched: they are the courier's work and still sync.
 */
export function clearCachedData(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.controller?.postMessage('clear-data');
}
