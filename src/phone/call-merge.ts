/**
 * Merges: two connected calls in one conversation, mixed in the browser (see sip-conference.ts).
 * Keeps the pairs, splits them (by the agent, or when one call ends: the other carries on with
 * the agent), and keeps the agent's mute the same on both legs.
 * @internal
 */
import type { CallEventDetail, VcCallMuteEvent } from '../events/call-lifecycle-events.js';
import type { VcEvent } from '../events/vc-event.js';
import type { Call } from './call.js';
import type { MergedAudio } from './engine.js';
import { inputError, type PhoneInputError } from './errors.js';
import type { MergeProblem } from './types.js';

/** A refused merge or split: a PhoneInputError (`call-not-live`) with why as a code (`problem`) for words in the page's language. */
const refused = (problem: MergeProblem, field: 'merge' | 'split', message: string): PhoneInputError & { readonly problem: MergeProblem } =>
  Object.assign(inputError('call-not-live', field, message), { problem });

interface Merge {
  readonly calls: readonly [Call, Call];
  audio: MergedAudio | undefined;
}

export class CallMerges {
  private readonly merges = new Map<string, Merge>();

  constructor(phone: EventTarget) {
    phone.addEventListener('vc-call-ended', this.onCallOver);
    phone.addEventListener('vc-call-failed', this.onCallOver);
    phone.addEventListener('vc-call-mute', this.onMute);
  }

  /** Merges two connected calls; throws a PhoneInputError in words, with a `problem` code (nothing changed), when they can't be. */
  async merge(a: Call, b: Call): Promise<void> {
    if (a === b) throw refused('same-call', 'merge', 'A call cannot be merged with itself: choose two calls.');
    for (const call of [a, b]) {
      if (call.state !== 'connected' || call.hangingUp) throw refused('not-connected', 'merge', 'Only two connected calls can be merged.');
      if (this.merges.has(call.id)) throw refused('already-merged', 'merge', 'One of these calls is already merged: split it first.');
    }
    const merge: Merge = { calls: [a, b], audio: undefined };
    this.merges.set(a.id, merge);
    this.merges.set(b.id, merge);
    // Paired first: taking a held leg back must not put the other one on hold (one active call).
    a.mergeChanged(b.id);
    b.mergeChanged(a.id);
    try {
      for (const call of [a, b]) if (call.held) await call.resume();
      const mine = a.outboundSession;
      const theirs = b.outboundSession;
      if (!mine?.mergeAudio || !theirs || a.isFinal || b.isFinal) throw new Error('Both calls must be connected to be merged.');
      merge.audio = await mine.mergeAudio(theirs);
    } catch (error) {
      this.forget(merge);
      a.mergeChanged(undefined);
      b.mergeChanged(undefined);
      throw refused('failed', 'merge', `The calls could not be merged: ${(error as Error).message}`);
    }
    if (a.isFinal || b.isFinal) return void merge.audio.split();
    // The agent is muted in both legs or in neither.
    if (a.muted !== b.muted) (a.muted ? b : a).setMuted(true);
    a.mergeChanged(b.id, { type: 'merged', otherCallId: b.id });
    b.mergeChanged(a.id, { type: 'merged', otherCallId: a.id });
  }

  /** Splits a merged call from its partner: each goes on as a call of its own (both connected, not held). */
  async split(call: Call): Promise<void> {
    const merge = this.merges.get(call.id);
    if (!merge?.audio) throw refused('not-merged', 'split', 'This call is not merged with another.');
    this.forget(merge);
    await merge.audio.split();
    const [a, b] = merge.calls;
    a.mergeChanged(undefined, { type: 'split', otherCallId: b.id, reason: 'split' });
    b.mergeChanged(undefined, { type: 'split', otherCallId: a.id, reason: 'split' });
  }

  private forget(merge: Merge): void {
    for (const call of merge.calls) if (this.merges.get(call.id) === merge) this.merges.delete(call.id);
  }

  /** One leg ended: the other carries on with the agent alone. */
  private readonly onCallOver = (event: Event): void => {
    const id = (event as VcEvent<CallEventDetail>).detail.call.id;
    const merge = this.merges.get(id);
    if (!merge) return;
    this.forget(merge);
    void merge.audio?.split();
    const other = merge.calls.find((call) => call.id !== id);
    other?.mergeChanged(undefined, merge.audio ? { type: 'split', otherCallId: id, reason: 'call-ended' } : undefined);
  };

  private readonly onMute = (event: Event): void => {
    const { call, muted } = (event as VcCallMuteEvent).detail;
    const merge = this.merges.get(call.id);
    if (!merge?.audio) return;
    merge.calls.find((leg) => leg.id !== call.id)?.setMuted(muted);
  };
}
