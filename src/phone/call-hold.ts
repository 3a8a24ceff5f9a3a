/**
 * Hold and resume as the agent asks for them on a connected call: one re-INVITE at a time, and
 * the agent's latest wish wins once the one under way is answered. While one is under way the
 * call says so (`changingHold`); once accepted, the call is held (or not) and its hold timer moves.
 * @internal
 */
import type { CallFact } from './call-facts.js';
import { holdMoved, type CallProgress } from './call-progress.js';
import type { OutboundSession } from './engine.js';
import { inputError } from './errors.js';

/** The call, as its hold changes it. */
export interface HoldingCall {
  readonly progress: CallProgress;
  session(): OutboundSession | undefined;
  isFinal(): boolean;
  changed(fact?: CallFact): void;
}

export class HoldChanges {
  /** A hold or resume under way (its re-INVITE not answered yet). */
  private change: Promise<void> | undefined;

  constructor(private readonly call: HoldingCall) {}

  /** A hold or resume was asked for and the other side has not answered yet. */
  get pending(): boolean {
    return this.change !== undefined;
  }

  /** Holds or takes back the call; resolves once the other side accepted, rejects in words otherwise. */
  async set(held: boolean): Promise<void> {
    const { call } = this;
    const { progress } = call;
    if (progress.state !== 'connected' || !call.session()) {
      throw inputError('call-not-live', 'hold', 'Only a connected call can be put on hold or taken back.');
    }
    if (!this.change && progress.held === held) return;
    // One change at a time; the agent's latest wish wins once the one under way is answered.
    if (this.change) await this.change.catch(() => undefined);
    const session = call.session();
    if (progress.held === held || call.isFinal() || !session) return;
    const change = session.hold(held);
    this.change = change;
    call.changed();
    try {
      await change;
    } finally {
      this.change = undefined;
      if (!call.isFinal()) call.changed();
    }
    if (call.isFinal()) return;
    progress.held = held;
    holdMoved(progress);
    call.changed({ type: held ? 'held' : 'resumed', by: 'local' });
  }
}
