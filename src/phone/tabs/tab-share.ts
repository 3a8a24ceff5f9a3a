/**
 * One phone across the tabs (and same-origin frames) that use one storage key. The tabs elect a
 * leader with the Web Locks API: the tab holding the lock holds the SIP connection, the media
 * and the calls; every other tab follows it over a BroadcastChannel (tab-follower.ts). When the
 * leader's tab closes, the browser gives the lock to the next tab, which takes the calls over
 * from storage (the closed tab's live calls end, in words) and connects on the next call.
 * @internal
 */
import type { Call } from '../call.js';
import type { Phone } from '../phone.js';
import type { CallOptions, CallSnapshot } from '../types.js';
import { TabFollower, type FollowerHost } from './tab-follower.js';
import { TabLeader } from './tab-leader.js';
import { NO_LEADER_WORDS, tabNames, type CommandOp, type TabMessage } from './tab-protocol.js';

/** What the sharing changes in its tab's phone. */
export interface TabHost extends FollowerHost {
  readonly phone: Phone;
  /** This tab leads from now on: take the calls over (from storage, and `mirrors` as last seen). */
  lead(mirrors: CallSnapshot[]): void;
}

export class TabShare {
  private _role: 'pending' | 'leader' | 'follower' = 'pending';
  private readonly channel: BroadcastChannel;
  private readonly abort = new AbortController();
  private leader: TabLeader | undefined;
  private follower: TabFollower | undefined;
  private releaseLock: () => void = () => undefined;
  private disposed = false;
  private wasFollower = false;
  /** Settles once this tab knows whether it leads or follows. */
  private readonly decided: Promise<void>;

  constructor(
    scope: { storageKey?: string; aor?: string },
    private readonly host: TabHost,
  ) {
    const names = tabNames(scope.storageKey, scope.aor);
    this.channel = new BroadcastChannel(names.channel);
    this.channel.onmessage = (event: MessageEvent<TabMessage>) => this.onMessage(event.data);
    const locks = navigator.locks;
    const held = new Promise<void>((resolve) => (this.releaseLock = resolve));
    this.decided = new Promise<void>((decide) => {
      const leadUntilReleased = async (): Promise<void> => {
        if (this.disposed) return;
        this.lead();
        decide();
        await held;
      };
      locks
        .request(names.lock, { ifAvailable: true }, (lock) => {
          if (lock) return leadUntilReleased();
          this.follow();
          decide();
          // Next in line: the browser hands the lock over when the leader's tab goes.
          locks.request(names.lock, { signal: this.abort.signal }, leadUntilReleased).catch(() => undefined);
          return undefined;
        })
        .catch((error: unknown) => {
          // No lock (an opaque origin, a sandboxed frame): this tab keeps its phone to itself.
          console.warn(`vc-phone: the phone can't be shared with other tabs (${(error as Error)?.message ?? error}); this tab keeps its own.`);
          if (!this.disposed) this.leadAlone();
          decide();
        });
    });
  }

  get role(): 'pending' | 'leader' | 'follower' {
    return this._role;
  }

  /** Other tabs share this phone, or did (this tab followed one, or one followed it). */
  get shared(): boolean {
    return this.wasFollower || this.leader?.sawFollower === true;
  }

  /** This tab does not hold the calls (yet): the phone shows mirrors and asks the leader. */
  get following(): boolean {
    return this._role !== 'leader';
  }

  /** Resolves with whether this tab follows another (waits for the election, which is quick). */
  async follows(): Promise<boolean> {
    await this.decided;
    return this.following;
  }

  placeCall(to: string, options: CallOptions): Promise<Call> {
    return this.follower ? this.follower.placeCall(to, options) : Promise.reject(new Error(NO_LEADER_WORDS));
  }

  command(op: CommandOp, id?: string, args?: unknown[]): Promise<unknown> {
    return this.follower ? this.follower.command(op, id, args) : Promise.reject(new Error(NO_LEADER_WORDS));
  }

  /** Says how things are now (the leader, before its page goes). */
  flush(): void {
    this.leader?.flush();
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.leader?.stop();
    this.follower?.stop();
    this.abort.abort();
    this.releaseLock();
    this.channel.close();
  }

  private readonly post = (message: TabMessage): void => {
    if (!this.disposed) this.channel.postMessage(message);
  };

  private onMessage(message: TabMessage): void {
    if (this.disposed) return;
    if (this.leader) this.leader.onMessage(message);
    else this.follower?.onMessage(message);
  }

  private follow(): void {
    this._role = 'follower';
    this.wasFollower = true;
    this.follower = new TabFollower(this.host, this.post);
  }

  /** Leads without the others (no lock to share with them). */
  private leadAlone(): void {
    this._role = 'leader';
    this.channel.close();
    this.host.lead([]);
  }

  private lead(): void {
    const mirrors = this.follower?.stop() ?? [];
    this.follower = undefined;
    this._role = 'leader';
    this.host.lead(mirrors);
    this.leader = new TabLeader(this.host.phone, this.post);
    this.leader.flush();
  }
}
