/**
 * A follower tab's side: shows the leader's calls as mirrors (same ids, same states, the same
 * facts dispatched from this tab's phone), and sends what the agent does here to the leader.
 * Every wait for the leader has a deadline.
 * @internal
 */
import { VcCallRemovedEvent } from '../../events/call-lifecycle-events.js';
import type { Call } from '../call.js';
import { factEventNamed } from '../call-facts.js';
import { inputError, type InputErrorCode } from '../errors.js';
import { randomHex } from '../random-hex.js';
import type { CallOptions, CallSnapshot } from '../types.js';
import { MirrorCall, type LeaderLink } from './mirror-call.js';
import { NO_LEADER_WORDS, type CallView, type CommandOp, type ReplyError, type TabConnection, type TabMessage } from './tab-protocol.js';

/** A hold waits for the far end's answer to a re-INVITE (up to 32 s); anything else is quick. */
const DEADLINE_MS: Partial<Record<CommandOp, number>> = { hold: 40_000, resume: 40_000, call: 20_000, connect: 20_000 };
const DEFAULT_DEADLINE_MS = 10_000;

/** What the follower changes in its own tab's phone. */
export interface FollowerHost {
  /** Replaces the phone's calls with these mirrors (in the leader's order). */
  setMirrors(calls: Call[]): void;
  /** Dispatches an event from the phone. */
  dispatch(event: Event): void;
  connectionChanged(connection: TabConnection): void;
}

interface Waiting {
  resolve(result: unknown): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout>;
}

function errorOf(reply: ReplyError): Error {
  return reply.code ? inputError(reply.code as InputErrorCode, reply.field ?? '', reply.message) : new Error(reply.message);
}

export class TabFollower implements LeaderLink {
  private readonly mirrors = new Map<string, MirrorCall>();
  private readonly waiting = new Map<string, Waiting>();
  private stopped = false;

  constructor(
    private readonly host: FollowerHost,
    private readonly post: (message: TabMessage) => void,
  ) {
    post({ kind: 'hello' });
  }

  onMessage(message: TabMessage): void {
    if (message.kind === 'state') this.apply(message);
    else if (message.kind === 'reply') this.settle(message.requestId, message.result, message.error);
  }

  command(op: CommandOp, id?: string, args?: unknown[]): Promise<unknown> {
    if (this.stopped) return Promise.reject(new Error(NO_LEADER_WORDS));
    const requestId = randomHex(12);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.settle(requestId, undefined, { message: NO_LEADER_WORDS }), DEADLINE_MS[op] ?? DEFAULT_DEADLINE_MS);
      this.waiting.set(requestId, { resolve, reject, timer });
      try {
        this.post({ kind: 'command', requestId, op, id, args });
      } catch (error) {
        this.settle(requestId, undefined, { message: `The call could not be handed to the tab holding the phone: ${(error as Error).message}` });
      }
    });
  }

  /** Has the leader place the call; resolves with its mirror here. */
  async placeCall(to: string, options: CallOptions): Promise<Call> {
    const view = (await this.command('call', undefined, [to, options])) as CallView;
    const known = this.mirrors.get(view.call.id);
    if (known) return known;
    // The leader's state message comes before its reply; this is only a safety net.
    const mirror = new MirrorCall(view, this);
    this.mirrors.set(view.call.id, mirror);
    this.host.setMirrors([...this.mirrors.values()]);
    return mirror;
  }

  /** Stops following (this tab leads now, or goes away); returns the calls as last seen. */
  stop(): CallSnapshot[] {
    this.stopped = true;
    for (const id of [...this.waiting.keys()]) this.settle(id, undefined, { message: NO_LEADER_WORDS });
    return [...this.mirrors.values()].map((mirror) => mirror.toJSON());
  }

  private settle(requestId: string, result: unknown, error: ReplyError | undefined): void {
    const waiting = this.waiting.get(requestId);
    if (!waiting) return; // another tab's request, or one given up
    this.waiting.delete(requestId);
    clearTimeout(waiting.timer);
    if (error) waiting.reject(errorOf(error));
    else waiting.resolve(result);
  }

  private apply(state: Extract<TabMessage, { kind: 'state' }>): void {
    if (this.stopped) return;
    const changed: MirrorCall[] = [];
    const list: MirrorCall[] = [];
    const gone = new Set(this.mirrors.keys());
    for (const view of state.calls) {
      gone.delete(view.call.id);
      let mirror = this.mirrors.get(view.call.id);
      if (!mirror) {
        mirror = new MirrorCall(view, this);
        this.mirrors.set(view.call.id, mirror);
      } else if (mirror.update(view)) {
        changed.push(mirror);
      }
      list.push(mirror);
    }
    for (const id of gone) this.mirrors.delete(id);
    this.host.setMirrors(list);
    for (const { name, detail } of state.facts) {
      if (name === VcCallRemovedEvent.eventName) {
        this.host.dispatch(new VcCallRemovedEvent(detail));
        continue;
      }
      const event = factEventNamed(name, detail);
      if (!event) continue;
      // On the mirror, as a call dispatches its facts (the phone re-dispatches them once).
      const mirror = this.mirrors.get(detail.call.id);
      if (mirror) mirror.dispatchEvent(event);
      else this.host.dispatch(event);
    }
    for (const mirror of changed) mirror.dispatchEvent(new Event('change'));
    this.host.connectionChanged(state.connection);
  }
}
