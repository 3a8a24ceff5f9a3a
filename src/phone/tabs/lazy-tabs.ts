/**
 * The Phone's door to tab sharing: the election and the mirrors load as a chunk of their own
 * (the election is asynchronous anyway), so a page pays for them only when it shares. If the
 * chunk can't load (a CSP, offline), the tab keeps its phone to itself: it leads alone.
 * @internal
 */
import type { Call } from '../call.js';
import type { CallOptions } from '../types.js';
import { NO_LEADER_WORDS, type CommandOp } from './tab-protocol.js';
import type { TabHost, TabShare } from './tab-share.js';

/** Whether this browser can share a phone across tabs (Web Locks needs a secure context). */
export function canShareTabs(): boolean {
  return typeof BroadcastChannel === 'function' && typeof globalThis.navigator?.locks?.request === 'function';
}

export class LazyTabs {
  private share: TabShare | undefined;
  private alone = false;
  private disposed = false;
  private readonly loading: Promise<TabShare | undefined>;

  constructor(scope: { storageKey?: string; aor?: string }, host: TabHost) {
    this.loading = import('./tab-share.js').then(
      ({ TabShare }) => {
        if (this.disposed) return undefined;
        this.share = new TabShare(scope, host);
        return this.share;
      },
      (error: unknown) => {
        console.warn(`vc-phone: the code that shares the phone across tabs could not be loaded (${(error as Error)?.message ?? error}); this tab keeps its own.`);
        if (this.disposed) return undefined;
        this.alone = true;
        host.lead([]);
        return undefined;
      },
    );
  }

  /** `pending` until the election is over, then `leader` or `follower`. */
  get role(): 'pending' | 'leader' | 'follower' {
    return this.share?.role ?? (this.alone ? 'leader' : 'pending');
  }

  /** Other tabs share this phone, or did: a live call cut as the page goes says so. */
  get shared(): boolean {
    return this.share?.shared === true;
  }

  /** This tab does not hold the calls (yet). */
  get following(): boolean {
    return this.role !== 'leader';
  }

  /** Resolves with whether this tab follows another, once that is known. */
  async follows(): Promise<boolean> {
    const share = await this.loading;
    return share ? share.follows() : false;
  }

  async placeCall(to: string, options: CallOptions): Promise<Call> {
    const share = await this.loading;
    if (!share) throw new Error(NO_LEADER_WORDS);
    return share.placeCall(to, options);
  }

  async command(op: CommandOp, id?: string, args?: unknown[]): Promise<unknown> {
    const share = await this.loading;
    if (!share) throw new Error(NO_LEADER_WORDS);
    return share.command(op, id, args);
  }

  /** Says how things are now (the leader, before its page goes). */
  flush(): void {
    this.share?.flush();
  }

  dispose(): void {
    this.disposed = true;
    this.share?.dispose();
  }
}
