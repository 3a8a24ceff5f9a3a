/**
 * The phone's connection as last reported (by its engine, or by the leader tab): the state, words
 * when it is not fine (English) with their reason code, and when the next attempt to reconnect is due.
 * @internal
 */
import { VcConnectionChangeEvent } from '../events/call-lifecycle-events.js';
import type { ConnectionReason, ConnectionState } from './types.js';

export class ConnectionStatus {
  state: ConnectionState = 'idle';
  message: string | undefined;
  retryAt: number | undefined;
  reason: ConnectionReason | undefined;

  /** Takes a report: the `vc-connection-change` to dispatch, or undefined when it says nothing new. */
  report(state: ConnectionState, message?: string, retryAt?: number, reason?: ConnectionReason): VcConnectionChangeEvent | undefined {
    if (state === this.state && message === this.message && retryAt === this.retryAt && reason === this.reason) return undefined;
    this.state = state;
    this.message = message;
    this.retryAt = retryAt;
    this.reason = reason;
    return new VcConnectionChangeEvent({ state, ...(message ? { message } : {}), ...(retryAt ? { retryAt } : {}), ...(reason ? { reason } : {}) });
  }
}
