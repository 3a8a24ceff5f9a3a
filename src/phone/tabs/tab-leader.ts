/**
 * The leader tab's side: after every change of its phone (a call's state, a fact, the list, the
 * connection) it tells the other tabs how things are, once per task, with the facts that
 * happened; and it carries out what they ask, through the phone's own public API, so a button in
 * another tab does exactly what the same button does here.
 * @internal
 */
import type { VcEvent } from '../../events/vc-event.js';
import type { CallEventDetail } from '../../events/call-lifecycle-events.js';
import type { Call } from '../call.js';
import { CALL_FACT_EVENTS } from '../call-facts.js';
import { PhoneInputError } from '../errors.js';
import type { Phone } from '../phone.js';
import type { CallView, CommandOp, FactNote, ReplyError, TabMessage } from './tab-protocol.js';

const WATCHED_FACTS = [...CALL_FACT_EVENTS, 'vc-call-removed'];

export function viewOf(call: Call): CallView {
  const view: CallView = {
    call: call.toJSON(),
    hangingUp: call.hangingUp,
    changingHold: call.changingHold,
    quality: call.qualityWarnings,
    talkingWhileMuted: call.talkingWhileMuted,
  };
  if (call.qualitySummary) view.qualitySummary = call.qualitySummary;
  return view;
}

function replyError(error: unknown): ReplyError {
  if (error instanceof PhoneInputError) return { message: error.message, code: error.code, field: error.field };
  return { message: error instanceof Error ? error.message : String(error) };
}

export class TabLeader {
  private readonly watched = new Set<Call>();
  private facts: FactNote[] = [];
  private queued = false;
  private stopped = false;
  /** Another tab has shown itself (said hello, or asked for something). */
  sawFollower = false;

  constructor(
    private readonly phone: Phone,
    private readonly post: (message: TabMessage) => void,
  ) {
    phone.addEventListener('change', this.onPhoneChange);
    phone.addEventListener('vc-connection-change', this.onChange);
    for (const type of WATCHED_FACTS) phone.addEventListener(type, this.onFact);
    this.onPhoneChange();
  }

  onMessage(message: TabMessage): void {
    if (message.kind === 'hello' || message.kind === 'command') this.sawFollower = true;
    if (message.kind === 'hello') this.flush();
    else if (message.kind === 'command') void this.answer(message.requestId, message.op, message.id, message.args ?? []);
  }

  /** Says how things are now (also what a tab that just opened asks for). */
  flush(): void {
    this.queued = false;
    if (this.stopped) return;
    const phone = this.phone;
    const connection = { state: phone.connectionState, message: phone.connectionMessage, reason: phone.connectionReason, retryAt: phone.reconnectAt };
    const message: TabMessage = { kind: 'state', calls: phone.calls.map(viewOf), connection, facts: this.facts };
    this.facts = [];
    try {
      this.post(message);
    } catch (error) {
      // A call's `record` the page filled with something that can't be copied (a function...).
      console.warn(`vc-phone: the other tabs could not be told about the calls: ${(error as Error).message}`);
    }
  }

  stop(): void {
    this.flush();
    this.stopped = true;
    const phone = this.phone;
    phone.removeEventListener('change', this.onPhoneChange);
    phone.removeEventListener('vc-connection-change', this.onChange);
    for (const type of WATCHED_FACTS) phone.removeEventListener(type, this.onFact);
    for (const call of this.watched) call.removeEventListener('change', this.onChange);
    this.watched.clear();
  }

  private schedule(): void {
    if (this.queued || this.stopped) return;
    this.queued = true;
    queueMicrotask(() => {
      if (this.queued) this.flush();
    });
  }

  private readonly onChange = (): void => this.schedule();

  /** The list may have changed: follow each call's own changes (mute, hanging up, the Call-ID...). */
  private readonly onPhoneChange = (): void => {
    const calls = new Set(this.phone.calls);
    for (const call of this.watched) {
      if (calls.has(call)) continue;
      call.removeEventListener('change', this.onChange);
      this.watched.delete(call);
    }
    for (const call of calls) {
      if (this.watched.has(call)) continue;
      call.addEventListener('change', this.onChange);
      this.watched.add(call);
    }
    this.schedule();
  };

  private readonly onFact = (event: Event): void => {
    this.facts.push({ name: event.type, detail: (event as VcEvent<CallEventDetail>).detail });
    this.schedule();
  };

  private async answer(requestId: string, op: CommandOp, id: string | undefined, args: unknown[]): Promise<void> {
    let reply: TabMessage;
    try {
      reply = { kind: 'reply', requestId, result: await this.execute(op, id, args) };
    } catch (error) {
      reply = { kind: 'reply', requestId, error: replyError(error) };
    }
    // The state the command led to goes out before its reply.
    this.flush();
    if (!this.stopped) this.post(reply);
  }

  private async execute(op: CommandOp, id: string | undefined, args: unknown[]): Promise<unknown> {
    const phone = this.phone;
    switch (op) {
      case 'call':
        return viewOf(await phone.call(args[0] as string, args[1] ?? {}));
      case 'remove':
        return phone.removeCall(id ?? '');
      case 'connect':
        return phone.connect();
      case 'prewarm':
        return phone.prewarm();
    }
    const call = phone.getCall(id ?? '');
    if (!call) throw new Error('That call is no longer on the phone.');
    switch (op) {
      case 'hangup':
        return call.hangup();
      case 'mute':
        return call.setMuted(args[0] === true);
      case 'dtmf':
        return call.sendDtmf(String(args[0]));
      case 'color':
        return call.setColor(args[0] as string | undefined);
      case 'hold':
        return call.hold();
      case 'resume':
        return call.resume();
      case 'stats':
        return call.getMediaStats();
    }
  }
}
