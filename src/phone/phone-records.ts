/**
 * What the phone keeps for the agent on this device, as its API: the call history, the wrap-ups
 * of finished calls, the finished calls' records and the agent's preference, and forgetting them
 * all (`clearStorage`, `signOut`). Apart from phone.ts (the calls and the call path) because it is
 * about calls that are over; the parts themselves are wired in phone-core.ts.
 * @internal
 */
import { VcCallRemovedEvent } from '../events/call-lifecycle-events.js';
import type { Call } from './call.js';
import type { CallHistory } from './call-history.js';
import { PhoneInputError } from './errors.js';
import { PhoneCore } from './phone-core.js';
import type { WrapUpInput } from './types.js';

/** @internal The stored-records half of `Phone`'s API (see the file's comment). */
export abstract class PhoneRecords extends PhoneCore {
  /** Ask before the close X hangs up a live call (the agent can turn it off; remembered). */
  get confirmClose(): boolean {
    return this.saving.prefs.confirmClose;
  }
  set confirmClose(confirm: boolean) {
    this.saving.prefs = { ...this.saving.prefs, confirmClose: confirm };
    this.saving.queue();
    this.dispatchEvent(new Event('change'));
  }

  /**
   * The agent's call history: one entry per finished call (party, label, record, direction,
   * start, duration, outcome, colour, wrap-up), newest first, at most `maxHistory` (default 200).
   * `phone.history.clear()` forgets it. Kept per agent (aor); nothing of it outlives `signOut()`.
   */
  get history(): CallHistory {
    return this._history;
  }

  /** The wrap-up is offered after each call (`wrapUp`, or a list of `dispositions`). */
  get wrapUpEnabled(): boolean {
    return this.wrapUps.enabled;
  }

  /** Finished calls of this session whose wrap-up is still to do, oldest first. */
  get pendingWrapUps(): readonly Call[] {
    return this.wrapUps.waiting;
  }

  /**
   * Records the after-call work of a finished call: optional notes and a disposition (one of
   * `dispositions`). Dispatches `vc-call-wrapped-up` (also posted to the webhook) and updates the
   * history. Refused input throws a {@link PhoneInputError} (and dispatches `vc-input-error`).
   */
  override wrapUp(callId: string, input: WrapUpInput = {}): void {
    try {
      this.wrapUps.record(callId, input);
    } catch (error) {
      if (error instanceof PhoneInputError) this.refuse(error);
      throw error;
    }
  }

  /** @internal What the agent has entered so far (saved if the wrap-up timer runs out). */
  draftWrapUp(callId: string, draft: WrapUpInput): void {
    this.wrapUps.draft(callId, draft);
  }

  /** Epoch ms when a pending wrap-up's timer runs out (with `wrapUpSeconds`). */
  wrapUpDueAt(callId: string): number | undefined {
    return this.wrapUps.dueAt(callId);
  }

  /**
   * Forgets what this phone keeps on this device: the finished calls (boxes and Recent rows), the
   * history and the preferences, in memory and in storage. Live calls carry on.
   */
  clearStorage(): void {
    for (const call of this.calls) if (!call.isLive) this.wrapUps.forget(call.id);
    this.roster.keep((call) => call.isLive);
    this._history.clear();
    this.saving.clear();
    if (this.calls.length) this.saving.now();
    this.dispatchEvent(new Event('change'));
  }

  /**
   * The agent signs out (a shared machine): every live call is hung up, the connection closed,
   * the SIP credentials forgotten, and `clearStorage()` leaves nothing of the agent's calls behind.
   */
  async signOut(): Promise<void> {
    for (const call of this.calls) call.hangup();
    this.forgetCredentials();
    await this.engines.dispose();
    this.wrapUps.clear();
    this.roster.keep(() => false);
    this.clearStorage();
    this.log('info', 'signed out: calls, history and stored state cleared');
  }

  /** Removes a finished call's record for good (the bin). Live calls can't be removed: hang up first. */
  removeCall(id: string): void {
    const call = this.getCall(id);
    if (!call || call.isLive) return;
    if (this.tabs?.following) return void this.tabs.command('remove', id).catch((error: Error) => console.warn(`vc-phone: ${error.message}`));
    this.roster.keep((c) => c !== call);
    this.saving.queue();
    this.dispatchEvent(new VcCallRemovedEvent({ call: call.toJSON() }));
    this.dispatchEvent(new Event('change'));
  }
}
