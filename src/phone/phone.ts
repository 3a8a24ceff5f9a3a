/**
 * The telephony controller: one SIP account (one signalling engine, loaded lazily) and its calls.
 * Works with no DOM element at all; the elements share one instance through `@lit/context`.
 *
 * The call path runs one way: `phone.call()` checks and builds the request, makes a `Call` and
 * has it dial through the engine; facts come back as events (session -> call -> phone -> page).
 */
import { Call } from './call.js';
import { admitCall, checkTransferTarget, newCallId, type AdmittedCall } from './call-admission.js';
import type { TransferChecks } from './call-transfer.js';
import { callOffConsult, placeConsult } from './consult-call.js';
import { PhoneInputError } from './errors.js';
import { loadDialing } from './lazy-modules.js';
import { checkServerUrl } from './server-url.js';
import type { PhoneOptions } from './phone-options.js';
import { sharesTabs } from './phone-core.js';
import { PhoneRecords } from './phone-records.js';
import type { CheckOptions, CheckReport } from './audio-types.js';
import { VcAudioCheckEvent } from '../events/audio-events.js';
import { LazyTabs } from './tabs/lazy-tabs.js';
import { TabCalls } from './tab-calls.js';
import type { CallOptions, CallSnapshot, CallTarget, ConnectionReason, ConnectionState, PhoneConfig } from './types.js';

export { checkServerUrl } from './server-url.js';
export { prefetchTelephony } from './lazy-modules.js';
export type { PhoneOptions } from './phone-options.js';

/**
 * Places and tracks outbound calls. Dispatches every call life-cycle fact as a typed event
 * (`vc-call-dialing`, `vc-call-ringing`, `vc-call-answered`, `vc-call-dtmf`, `vc-call-mute`,
 * `vc-call-held`, `vc-call-resumed`, `vc-call-transfer`, `vc-call-merged`, `vc-call-split`, `vc-call-color`, `vc-call-quality`, `vc-call-ended`, `vc-call-failed`,
 * `vc-call-removed`), refused input as
 * `vc-input-error`, the connection as `vc-connection-change`, and `change` whenever its list of
 * calls, its settings or its connection changed.
 */
export class Phone extends PhoneRecords {
  constructor(config: PhoneConfig = {}, options: PhoneOptions = {}) {
    super(config, options);
    // The tab-sharing glue needs the whole Phone (the leader tab runs the followers' commands on it).
    if (!sharesTabs(options)) return;
    const shown = new TabCalls(this.roster, this.saving, () => this.restoreRules, () => this.dispatchEvent(new Event('change')));
    this.tabs = new LazyTabs({ storageKey: config.storageKey, aor: typeof config.aor === 'string' ? config.aor : undefined }, {
      phone: this,
      lead: (mirrors) => shown.lead(mirrors),
      setMirrors: (calls) => shown.mirror(calls),
      dispatch: (event) => this.dispatchEvent(event),
      connectionChanged: ({ state, message, retryAt, reason }) => this.connectionChanged(state, message, retryAt, reason),
    });
  }

  /** What JSON.stringify(phone) shows: the calls and the settings, never a credential. */
  toJSON(): { config: Readonly<Omit<PhoneConfig, 'auth'>>; calls: CallSnapshot[]; connectionState: ConnectionState } {
    return { config: this.config, calls: this.calls.map((call) => call.toJSON()), connectionState: this.connection.state };
  }

  /** The call that hears the agent: connected and not on hold by the agent. */
  get activeCall(): Call | undefined {
    return this.oneActiveCall.activeCall;
  }
  /** The active call's id (`change` fires when it moves). */
  get activeCallId(): string | undefined {
    return this.activeCall?.id;
  }

  get connectionState(): ConnectionState {
    return this.connection.state;
  }
  /** When the next attempt to reconnect is due (epoch ms), while reconnecting. */
  get reconnectAt(): number | undefined {
    return this.connection.retryAt;
  }
  /** Words about the connection when it is not fine (English, for logs and developers; see `connectionReason`). */
  get connectionMessage(): string | undefined {
    return this.connection.message;
  }
  /** Why the connection is not fine, as a code (`lost`, `unreachable`, `paused`, `blocked`): for a program, or words of its own. */
  get connectionReason(): ConnectionReason | undefined {
    return this.connection.reason;
  }

  /**
   * Checks what the agent typed. Resolves with the target, or rejects with a
   * {@link PhoneInputError} saying why it can't be called (no event: nothing was attempted).
   */
  async checkTarget(to: string): Promise<CallTarget> {
    return (await loadDialing(to, this.settings)).resolveTarget(to, this.settings);
  }

  /** Formats an international number as it is typed (`+442079` -> `+44 20 79`). */
  async formatAsTyped(input: string): Promise<string> {
    return (await loadDialing(input)).formatAsTyped(input);
  }

  /**
   * Gets ready for a fast call while the agent types: phone metadata, sip.js, the connection
   * and (if permission was already given) the microphone. Never throws.
   */
  async prewarm(): Promise<void> {
    if (!this.enabled) return;
    try {
      await loadDialing(this.settings);
      checkServerUrl(this.settings.server);
      if (this.tabs && (await this.tabs.follows())) return void (await this.tabs.command('prewarm'));
      await (await this.currentEngine()).prewarm();
    } catch {
      // A failed warm-up is not an error: the call itself reports what is wrong.
    }
  }

  /** Connects to the SIP server now (calls connect on demand anyway). */
  async connect(): Promise<void> {
    (await loadDialing(this.settings)).checkAccount(this.settings);
    if (this.tabs && (await this.tabs.follows())) return void (await this.tabs.command('connect'));
    await (await this.currentEngine()).connect();
  }

  /**
   * Places a call. Resolves with the `Call` as soon as it is dialing; rejects with a
   * {@link PhoneInputError} (and dispatches `vc-input-error`) if anything is refused, in which
   * case nothing is sent.
   */
  async call(to: string, options: CallOptions = {}): Promise<Call> {
    let admitted: AdmittedCall;
    try {
      admitted = await admitCall(to, options, this.settings, this);
    } catch (error) {
      if (error instanceof PhoneInputError && error.code !== 'call-request-cancelled') {
        this.log('info', `call refused (${error.code}): ${error.message}`);
        this.refuse(error);
      }
      throw error;
    }
    // Another tab holds the connection: it places the call (the same checks passed here already).
    if (this.tabs && (await this.tabs.follows())) return this.tabs.placeCall(to, options);
    const { target, request, options: merged, webhook } = admitted;
    const from = typeof merged.from === 'string' ? { uri: merged.from } : merged.from;
    this.engines.dropIfStale(this.hasLiveCalls);
    const engine = await this.currentEngine();
    const call = new Call({ id: newCallId(), target, from, color: merged.color, label: merged.label, record: merged.record, transferChecks: this.transferChecks });
    this.roster.add(call, webhook);
    this.dispatchEvent(new Event('change'));
    this.log('info', `placing call ${call.id} to ${target.display}`);
    call.dial(engine, request);
    return call;
  }

  /**
   * Attended transfer, first step: puts `call` on hold and places a consult call to `to` (checked
   * like `phone.call()`). Once the consult call is connected, `call.transfer(consult)` joins the
   * two; `phone.cancelConsult(consult)` hangs the consult call up and takes `call` back.
   */
  consult(call: Call, to: string, options: CallOptions = {}): Promise<Call> {
    return placeConsult(call, to, this.transferChecks, () => this.call(to, options));
  }

  /** Attended transfer called off: hangs up the consult call and takes the original call back from hold. */
  cancelConsult(consult: Call): Promise<void> {
    return callOffConsult(consult, (id) => this.getCall(id));
  }

  /**
   * The checks a call's transfer target goes through: the same as `call()`'s, the CRM's
   * `beforeDial` policy included (a do-not-call list applies to where a call is sent too);
   * refusals announced.
   */
  private readonly transferChecks: TransferChecks = {
    checkTarget: (to) => checkTransferTarget(to, this.settings),
    refused: (error) => this.refuse(error),
  };

  /**
   * Merges two connected calls into one conversation, mixed in the browser: each far end hears
   * the agent and the other party, the agent hears both (no conference server, no re-INVITE).
   * A held leg is taken back first. Each leg can still be held or hung up (the other carries on
   * with the agent); mute mutes the agent in both. Dispatches `vc-call-merged` for each call.
   * Rejects with a {@link PhoneInputError} (and `vc-input-error`) when the calls can't be merged.
   */
  async merge(a: Call | string, b: Call | string): Promise<void> {
    await this.refusing(() => this.merges.merge(this.roster.member(a, 'merge'), this.roster.member(b, 'merge')));
  }

  /** Splits a merged call from the other: two separate calls again (`vc-call-split`, reason `split`). */
  async split(call: Call | string): Promise<void> {
    await this.refusing(() => this.merges.split(this.roster.member(call, 'split')));
  }

  private async refusing(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      if (error instanceof PhoneInputError) this.refuse(error);
      throw error;
    }
  }

  /**
   * The pre-call check ("Test your audio"): microphone permission and level, a test tone on the
   * chosen speaker, the SIP server's reachability (WebSocket + OPTIONS, no REGISTER), the ICE
   * candidates gathered and whether the TURN server answers. Each step has a deadline; the
   * report says per item pass / warn / fail, in words, with what to fix. Never throws; also
   * dispatched as `vc-audio-check`.
   */
  async check(options: CheckOptions = {}): Promise<CheckReport> {
    const { runPreCallCheck } = await import('./pre-call-check.js');
    const labels = { microphone: this.audio.microphone?.label, speaker: this.audio.speaker?.label };
    const report = await runPreCallCheck({ config: this.settings, media: this.audio.forEngine, labels }, options);
    this.reportCheck(report);
    return report;
  }

  /** @internal Announces a check's report (`vc-audio-check`). */
  protected reportCheck(report: CheckReport): void {
    this.dispatchEvent(new VcAudioCheckEvent({ report }));
  }
}
