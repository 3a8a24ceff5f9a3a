/**
 * The phone's calls, newest first. A listed call is watched: each of its life-cycle facts is
 * posted to the call's status webhook (in order) and re-dispatched from the phone, and its
 * `change` reaches the phone. A call that leaves the list is no longer watched.
 * @internal
 */
import type { CallEventDetail } from '../events/call-lifecycle-events.js';
import type { VcEvent } from '../events/vc-event.js';
import type { Call } from './call.js';
import { CALL_FACT_EVENTS, factData } from './call-facts.js';
import { inputError } from './errors.js';
import { withoutOldestFinished } from './finished-calls.js';
import type { LazyOutbox } from './lazy-outbox.js';
import type { StatusWebhookConfig } from './types.js';

export class CallRoster {
  private list: Call[] = [];
  private readonly webhookOf = new Map<string, StatusWebhookConfig | undefined>();

  /** `phone` re-dispatches the facts, `outbox` posts them, `changed` hears each watched call's `change`. */
  constructor(
    private readonly phone: EventTarget,
    private readonly outbox: Pick<LazyOutbox, 'enqueue'>,
    private readonly changed: (call: Call) => void,
  ) {}

  /** Every call, newest first (a new array whenever the list changes). */
  get calls(): readonly Call[] {
    return this.list;
  }

  get(id: string): Call | undefined {
    return this.list.find((call) => call.id === id);
  }

  /** The listed call `call` names (the call or its id); throws a `PhoneInputError` on `field` otherwise. */
  member(call: Call | string, field: string): Call {
    const found = typeof call === 'string' ? this.get(call) : this.list.includes(call) ? call : undefined;
    if (!found) throw inputError('call-not-live', field, 'That call is not one of this phone\'s calls.');
    return found;
  }

  /** A call just placed: first in the list, its facts posted to `webhook`. */
  add(call: Call, webhook: StatusWebhookConfig | undefined): void {
    this.webhookOf.set(call.id, webhook);
    this.watch(call);
    this.list = [call, ...this.list];
  }

  /** Calls restored from storage join the list, newest first. */
  adopt(calls: readonly Call[]): void {
    for (const call of calls) this.watch(call);
    this.list = [...this.list, ...calls].sort((a, b) => b.startedAt - a.startedAt);
  }

  /** The list becomes `calls` (another tab's mirrors, or none); says whether it changed. */
  replace(calls: Call[]): boolean {
    const before = this.list;
    for (const call of before) if (!calls.includes(call)) this.unwatch(call);
    for (const call of calls) if (!before.includes(call)) this.watch(call);
    this.list = calls;
    return before.length !== calls.length || before.some((call, i) => call !== calls[i]);
  }

  /** Keeps the calls `keep` accepts; says whether any left. */
  keep(keep: (call: Call) => boolean): boolean {
    const kept = this.list.filter(keep);
    if (kept.length === this.list.length) return false;
    for (const call of this.list) if (!kept.includes(call)) this.drop(call);
    this.list = kept;
    return true;
  }

  /** Keeps at most `max` finished calls: the ones that finished longest ago go first. Says whether any left. */
  dropOldestFinished(max: number): boolean {
    const kept = withoutOldestFinished(this.list, max, (call) => call.isFinal);
    return this.keep((call) => kept.includes(call));
  }

  private drop(call: Call): void {
    this.unwatch(call);
    this.webhookOf.delete(call.id);
  }

  private watch(call: Call): void {
    for (const type of CALL_FACT_EVENTS) call.addEventListener(type, this.onFact);
    call.addEventListener('change', this.onChange);
  }

  private unwatch(call: Call): void {
    for (const type of CALL_FACT_EVENTS) call.removeEventListener(type, this.onFact);
    call.removeEventListener('change', this.onChange);
  }

  /** A call's fact: post it to the call's webhook (in order) and re-dispatch it from the phone. */
  private readonly onFact = (event: Event): void => {
    const fact = event as VcEvent<CallEventDetail>;
    const webhook = this.webhookOf.get(fact.detail.call.id);
    if (webhook) this.outbox.enqueue(webhook, fact.type, fact.detail.call, factData(fact.detail));
    this.phone.dispatchEvent(fact.clone());
  };

  private readonly onChange = (event: Event): void => this.changed(event.target as Call);
}
