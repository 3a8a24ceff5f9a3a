/**
 * The WebSocket connection of a sip.js UserAgent, kept up while calls may need it: connects on
 * demand, reconnects with exponential backoff and jitter, and pauses reconnecting while the page
 * is hidden and no call is live (a background tab must not hammer a server that is down).
 * @internal
 */
import type { ConnectionState } from './types.js';

const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 30_000;

/** The part of a sip.js UserAgent the connection drives. */
export interface ConnectableAgent {
  /** True once `start()` has run (later connections use `reconnect()`). */
  readonly started: boolean;
  start(): Promise<void>;
  reconnect(): Promise<void>;
  isConnected(): boolean;
}

export interface ConnectionOptions {
  report(state: ConnectionState, message?: string): void;
  /** A call is live: keep trying even from a hidden page. */
  hasLiveCalls(): boolean;
  /** Whether the page is visible (default: `document.visibilityState`). */
  isPageVisible?: () => boolean;
}

export class SipConnection {
  private starting: Promise<void> | undefined;
  private wanted = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** A reconnect is due but waits for the page to be shown (or a call to be placed). */
  private paused = false;
  private closed = false;

  constructor(
    private readonly agent: ConnectableAgent,
    private readonly options: ConnectionOptions,
  ) {
    globalThis.document?.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  /** Connects (idempotent); rejects with words if the server can't be reached. */
  connect(): Promise<void> {
    this.wanted = true;
    this.paused = false;
    if (this.agent.isConnected()) return Promise.resolve();
    if (!this.starting) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.options.report(this.attempt ? 'reconnecting' : 'connecting');
      const attempt = this.agent.started ? this.agent.reconnect() : this.agent.start();
      this.starting = attempt.finally(() => (this.starting = undefined));
      this.starting.catch(() => {
        if (!this.agent.isConnected()) this.retry('The SIP server could not be reached.');
      });
    }
    return this.starting.catch(() => {
      throw new Error('The SIP server could not be reached. Check the network or try again.');
    });
  }

  /** The agent connected. */
  connected(): void {
    this.attempt = 0;
    this.options.report('connected');
  }

  /** The agent lost its connection (`error` set when it was not asked to close). */
  disconnected(error?: Error): void {
    if (this.closed || !this.wanted || !error) {
      this.options.report('disconnected');
      return;
    }
    this.retry('The connection to the SIP server was lost. Reconnecting…');
  }

  /** No more reconnecting (the engine is being disposed). */
  close(): void {
    this.closed = true;
    this.wanted = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    globalThis.document?.removeEventListener('visibilitychange', this.onVisibilityChange);
  }

  /** A reconnect is waiting for the page to be shown. */
  get isPaused(): boolean {
    return this.paused;
  }

  private retry(message: string): void {
    if (this.closed || this.retryTimer !== undefined) return;
    if (!this.pageVisible() && !this.options.hasLiveCalls()) {
      // Nothing needs the connection while nobody looks: reconnect when the page is shown again.
      this.paused = true;
      this.options.report('disconnected', 'Disconnected from the SIP server; reconnecting when this page is shown.');
      return;
    }
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt += 1;
    this.options.report('reconnecting', message);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.connect().catch(() => undefined);
    }, delay);
  }

  private pageVisible(): boolean {
    return this.options.isPageVisible ? this.options.isPageVisible() : globalThis.document?.visibilityState !== 'hidden';
  }

  private readonly onVisibilityChange = (): void => {
    if (this.paused && this.pageVisible()) void this.connect().catch(() => undefined);
  };
}
