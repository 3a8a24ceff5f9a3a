/**
 * The WebSocket connection of a sip.js UserAgent, kept up while calls may need it: connects on
 * demand, reconnects with exponential backoff and jitter, and pauses reconnecting while the page
 * is hidden and no call is live (a background tab must not hammer a server that is down).
 * @internal
 */
import type { ConnectionReason, ConnectionState } from './types.js';

const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 30_000;
/** While a call is live (its media flowing on), reconnect attempts come at least this often. */
const LIVE_CALL_RECONNECT_MAX_MS = 2_000;
/** A connection attempt that has neither opened nor failed by then has failed (a blocked socket may never say). */
const CONNECT_DEADLINE_MS = 10_000;

/** The part of a sip.js UserAgent the connection drives. */
export interface ConnectableAgent {
  /** True once `start()` has run (later connections use `reconnect()`). */
  readonly started: boolean;
  start(): Promise<void>;
  reconnect(): Promise<void>;
  isConnected(): boolean;
}

export interface ConnectionOptions {
  /** With `message` (English, for logs) comes its `reason` (for a program, and translated words). */
  report(state: ConnectionState, message?: string, retryAt?: number, reason?: ConnectionReason): void;
  /** A call is live: keep trying even from a hidden page. */
  hasLiveCalls(): boolean;
  /** Whether the page is visible (default: `document.visibilityState`). */
  isPageVisible?: () => boolean;
  /** How long one attempt may take (default 10 s). */
  connectDeadlineMs?: number;
}

export class SipConnection {
  private starting: Promise<void> | undefined;
  private wanted = false;
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** A reconnect is due but waits for the page to be shown (or a call to be placed). */
  private paused = false;
  private closed = false;
  /** Why connecting can't work on this page (retrying won't help). */
  private blockedBecause: string | undefined;
  /** Ends the attempt under way at once, with these words. */
  private abandonAttempt: ((why: Error) => void) | undefined;

  constructor(
    private readonly agent: ConnectableAgent,
    private readonly options: ConnectionOptions,
  ) {
    globalThis.document?.addEventListener('visibilitychange', this.onVisibilityChange);
  }

  /** Connects (idempotent); rejects with words if the server can't be reached. */
  connect(): Promise<void> {
    if (this.blockedBecause) return Promise.reject(new Error(this.blockedBecause));
    this.wanted = true;
    this.paused = false;
    if (this.agent.isConnected()) return Promise.resolve();
    if (!this.starting) {
      clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
      this.options.report(this.attempt ? 'reconnecting' : 'connecting');
      const attempt = this.withDeadline(this.agent.started ? this.agent.reconnect() : this.agent.start());
      this.starting = attempt.finally(() => (this.starting = undefined));
      this.starting.catch((error: Error) => {
        if (!this.agent.isConnected() && !this.closed) this.retry(error.message, 'unreachable');
      });
    }
    return this.starting;
  }

  /**
   * The connection can't be made for a reason retrying won't fix (the page's CSP blocks it):
   * the attempt under way and every later one fail at once with these words; nothing is retried.
   */
  blocked(words: string): void {
    this.blockedBecause = words;
    this.wanted = false;
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.abandonAttempt?.(new Error(words));
    this.options.report('disconnected', words, undefined, 'blocked');
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
    this.retry('The connection to the SIP server was lost. Reconnecting…', 'lost');
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

  /** The agent's attempt, failing in words when it fails or takes longer than the deadline. */
  private withDeadline(attempt: Promise<void>): Promise<void> {
    const deadlineMs = this.options.connectDeadlineMs ?? CONNECT_DEADLINE_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let abandon!: (why: Error) => void;
    const result = new Promise<void>((resolve, reject) => {
      abandon = reject;
      timer = setTimeout(
        () => reject(new Error(`The SIP server did not accept the connection within ${deadlineMs / 1000} s. Check the network or try again.`)),
        deadlineMs,
      );
      attempt.then(resolve, () => reject(new Error('The SIP server could not be reached. Check the network or try again.')));
    });
    this.abandonAttempt = abandon;
    const settled = () => {
      clearTimeout(timer);
      if (this.abandonAttempt === abandon) this.abandonAttempt = undefined;
    };
    result.then(settled, settled);
    return result;
  }

  private retry(message: string, reason: 'lost' | 'unreachable'): void {
    if (this.closed || !this.wanted || this.retryTimer !== undefined) return;
    if (!this.pageVisible() && !this.options.hasLiveCalls()) {
      // Nothing needs the connection while nobody looks: reconnect when the page is shown again.
      this.paused = true;
      this.options.report('disconnected', 'Disconnected from the SIP server; reconnecting when this page is shown.', undefined, 'paused');
      return;
    }
    const cap = this.options.hasLiveCalls() ? LIVE_CALL_RECONNECT_MAX_MS : RECONNECT_MAX_MS;
    const delay = Math.min(cap, RECONNECT_BASE_MS * 2 ** this.attempt) * (0.8 + Math.random() * 0.4);
    this.attempt += 1;
    this.options.report('reconnecting', message, Date.now() + Math.round(delay), reason);
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
