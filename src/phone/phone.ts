/**
 * The telephony controller: one SIP account (one signalling engine, loaded lazily) and its calls.
 * Works with no DOM element at all; the elements share one instance through `@lit/context`.
 *
 * The call path runs one way: `phone.call()` checks and builds the request, makes a `Call` and
 * has it dial through the engine; facts come back as events (session -> call -> phone -> page).
 */
import { VcCallRemovedEvent } from '../events/call-lifecycle-events.js';
import type { PhoneEventMap } from '../events/index.js';
import { VcInputErrorEvent } from '../events/input-error-event.js';
import { Call } from './call.js';
import { admitCall, checkTransferTarget, newCallId, type AdmittedCall } from './call-admission.js';
import { CallRoster } from './call-roster.js';
import type { TransferChecks } from './call-transfer.js';
import { ConnectionStatus } from './connection-status.js';
import { callOffConsult, placeConsult } from './consult-call.js';
import { LazyMerges } from './lazy-merges.js';
import { DEFAULT_MAX_FINISHED_CALLS, checkConfig, withoutCredentials } from './config-checks.js';
import { PhoneInputError } from './errors.js';
import { EngineSlot } from './engine-slot.js';
import type { LazyEngine } from './lazy-engine.js';
import { loadDialing, sipEngineFactory } from './lazy-modules.js';
import { LazyOutbox } from './lazy-outbox.js';
import { OneActiveCall } from './one-active-call.js';
import { checkServerUrl } from './server-url.js';
import type { PhoneOptions } from './phone-options.js';
import { PhoneSaving, type RestoreRules } from './phone-saving.js';
import { PhoneStore, defaultStorage } from './store.js';
import { PhoneAudio } from './audio-devices.js';
import type { CheckOptions, CheckReport } from './audio-types.js';
import { VcAudioCheckEvent } from '../events/audio-events.js';
import { LEADER_CLOSED_WORDS } from './tabs/tab-protocol.js';
import { LazyTabs, canShareTabs } from './tabs/lazy-tabs.js';
import { TabCalls } from './tab-calls.js';
import { CallHistory, DEFAULT_MAX_HISTORY } from './call-history.js';
import { makeLog } from './logger.js';
import { WrapUpDesk } from './wrap-up-desk.js';
import { TypedEventTarget } from './typed-event-target.js';
import type { CallOptions, CallSnapshot, CallTarget, ConnectionReason, ConnectionState, PhoneConfig, PhoneLogger, WrapUpInput } from './types.js';

export { checkServerUrl } from './server-url.js';
export { prefetchTelephony } from './lazy-modules.js';
export type { PhoneOptions } from './phone-options.js';

/** Settings that make a new engine (a new connection) from the next call placed while no call is live. */
const ACCOUNT_KEYS = ['server', 'aor', 'auth', 'displayName', 'iceServers', 'iceTransportPolicy', 'reconnectWindowMs'] as const;

/**
 * Places and tracks outbound calls. Dispatches every call life-cycle fact as a typed event
 * (`vc-call-dialing`, `vc-call-ringing`, `vc-call-answered`, `vc-call-dtmf`, `vc-call-mute`,
 * `vc-call-held`, `vc-call-resumed`, `vc-call-transfer`, `vc-call-merged`, `vc-call-split`, `vc-call-color`, `vc-call-quality`, `vc-call-ended`, `vc-call-failed`,
 * `vc-call-removed`), refused input as
 * `vc-input-error`, the connection as `vc-connection-change`, and `change` whenever its list of
 * calls, its settings or its connection changed.
 */
export class Phone extends TypedEventTarget<PhoneEventMap> {
  #config: PhoneConfig;
  private readonly roster: CallRoster;
  private readonly connection = new ConnectionStatus();
  private readonly saving: PhoneSaving;
  private readonly outbox: LazyOutbox;
  // A follower tab shows the leader's calls: the leader alone holds the others when one is answered.
  private readonly oneActiveCall = new OneActiveCall(this, () => this.#config.autoHold !== false && !this.tabs?.following, (message) => this.log('warn', message));
  private readonly merges = new LazyMerges(this);
  private readonly engines: EngineSlot;
  private lastActiveCallId: string | undefined;
  private readonly _history: CallHistory;
  /** Finished calls of this session still waiting for their wrap-up, with the timer and draft of each. */
  private readonly wrapUps = new WrapUpDesk(this, () => this.#config);
  /** Writes a line to the page's logger (or the console), at the configured level, without secrets. */
  readonly log: PhoneLogger = makeLog(() => this.#config);
  /**
   * The agent's microphone and outputs: the devices listed, the one chosen for each use
   * (`useMicrophone`, `useSpeaker`, `useRinger`: live calls switch at once, no re-INVITE), the voice
   * processing switches, and what happens when a device is plugged in or out. Remembered per
   * storage key. Dispatches `vc-audio-devices-change` and `vc-audio-device-lost` from the phone.
   */
  readonly audio: PhoneAudio;
  /** The tabs sharing this phone (undefined: this phone is the tab's own). */
  private readonly tabs: LazyTabs | undefined;

  constructor(config: PhoneConfig = {}, options: PhoneOptions = {}) {
    super();
    this.#config = { ...config };
    const storage = options.storage ?? defaultStorage();
    this.audio = new PhoneAudio({
      namespace: config.storageKey ?? 'default',
      storage,
      ...(options.mediaDevices ? { source: options.mediaDevices } : {}),
      ...(options.canChooseOutput !== undefined ? { canChooseOutput: options.canChooseOutput } : {}),
      apply: (what) => this.engines.audioChanged(what),
      dispatch: (event) => this.dispatchEvent(event),
      refuse: (error) => this.refuse(error),
    });
    this.engines = new EngineSlot(options.engine ?? sipEngineFactory, (state, message, retryAt, reason) => this.connectionChanged(state, message, retryAt, reason), this.audio.forEngine);
    const store = new PhoneStore(config.storageKey, storage);
    // A follower's history is the leader's to write (call-history.ts).
    this._history = new CallHistory(storage, config.storageKey ?? 'default', config.aor, config.maxHistory ?? DEFAULT_MAX_HISTORY, () => !this.tabs?.following);
    const saved = store.load();
    this.outbox = new LazyOutbox([], { persist: () => this.saving.queue(), refuse: (error) => this.refuse(error), warn: (message) => this.log('warn', message) });
    this.roster = new CallRoster(this, this.outbox, this.onCallChange);
    this.saving = new PhoneSaving(store, saved.prefs, this.roster, this.outbox, () => !!this.tabs?.following);
    globalThis.addEventListener?.('pagehide', this.onPageHide);
    const shared = options.tabs === 'shared' || (options.tabs === undefined && !options.engine && !options.storage);
    if (shared && canShareTabs()) {
      // Finished calls show at once, in any tab; the live ones are the leader's to end or mirror.
      this.saving.showFinished(saved, this.maxFinishedCalls);
      const shown = new TabCalls(this.roster, this.saving, () => this.restoreRules, () => this.dispatchEvent(new Event('change')));
      this.tabs = new LazyTabs({ storageKey: config.storageKey, aor: typeof config.aor === 'string' ? config.aor : undefined }, {
        phone: this,
        lead: (mirrors) => shown.lead(mirrors),
        setMirrors: (calls) => shown.mirror(calls),
        dispatch: (event) => this.dispatchEvent(event),
        connectionChanged: ({ state, message, retryAt, reason }) => this.connectionChanged(state, message, retryAt, reason),
      });
    } else {
      this.saving.restore(saved, this.restoreRules);
    }
  }

  /** The current configuration, without credentials (no SIP auth, no webhook password, no TURN credential). */
  get config(): Readonly<Omit<PhoneConfig, 'auth'>> {
    return withoutCredentials(this.#config);
  }

  /**
   * Changes the configuration. A new server, account or credentials apply from the next call
   * placed while no call is live (a live call keeps the connection it was placed on).
   * Wrong types, unsafe credentials and a refused status webhook throw a {@link PhoneInputError}
   * (and dispatch `vc-input-error`) and change nothing. The server, aor and display name are
   * judged when a call needs them, with words for the agent.
   */
  configure(changes: PhoneConfig): void {
    try {
      checkConfig(changes);
    } catch (error) {
      if (error instanceof PhoneInputError) this.refuse(error);
      throw error;
    }
    const accountChanged = ACCOUNT_KEYS.some((key) => key in changes && changes[key] !== this.#config[key]);
    if (typeof changes.defaultCountry === 'string' && changes.defaultCountry !== this.#config.defaultCountry) this.checkCountryLater(changes.defaultCountry, this.#config.defaultCountry);
    this.#config = { ...this.#config, ...changes };
    if (changes.statusWebhook) this.outbox.register(changes.statusWebhook);
    if (accountChanged) this.engines.accountChanged();
    this.engines.dropIfStale(this.hasLiveCalls);
    if ('maxFinishedCalls' in changes) this.dropOldestFinished();
    if ('maxHistory' in changes) this._history.setMax(changes.maxHistory ?? DEFAULT_MAX_HISTORY);
    if ('aor' in changes) this._history.switchAgent(this.#config.aor);
    this.dispatchEvent(new Event('change'));
  }

  /** What JSON.stringify(phone) shows: the calls and the settings, never a credential. */
  toJSON(): { config: Readonly<Omit<PhoneConfig, 'auth'>>; calls: CallSnapshot[]; connectionState: ConnectionState } {
    return { config: this.config, calls: this.calls.map((call) => call.toJSON()), connectionState: this.connection.state };
  }

  /** Outbound calling is switched on. */
  get enabled(): boolean {
    return this.#config.enabled !== false;
  }
  set enabled(enabled: boolean) {
    this.configure({ enabled });
  }
  /** Why calling is off (when `enabled` is false). */
  get disabledReason(): string {
    return this.#config.disabledReason || 'Outbound calling is switched off.';
  }

  /** The call that hears the agent: connected and not on hold by the agent. */
  get activeCall(): Call | undefined {
    return this.oneActiveCall.activeCall;
  }
  /** The active call's id (`change` fires when it moves). */
  get activeCallId(): string | undefined {
    return this.activeCall?.id;
  }

  /** Every call, newest first, including finished ones until they are removed. */
  get calls(): readonly Call[] {
    return this.roster.calls;
  }

  getCall(id: string): Call | undefined {
    return this.roster.get(id);
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
   * Checks what the agent typed. Resolves with the target, or rejects with a
   * {@link PhoneInputError} saying why it can't be called (no event: nothing was attempted).
   */
  async checkTarget(to: string): Promise<CallTarget> {
    return (await loadDialing(to, this.#config)).resolveTarget(to, this.#config);
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
      await loadDialing(this.#config);
      checkServerUrl(this.#config.server);
      if (this.tabs && (await this.tabs.follows())) return void (await this.tabs.command('prewarm'));
      await (await this.currentEngine()).prewarm();
    } catch {
      // A failed warm-up is not an error: the call itself reports what is wrong.
    }
  }

  /** Connects to the SIP server now (calls connect on demand anyway). */
  async connect(): Promise<void> {
    (await loadDialing(this.#config)).checkAccount(this.#config);
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
      admitted = await admitCall(to, options, this.#config, this);
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
    checkTarget: (to) => checkTransferTarget(to, this.#config),
    refused: (error) => this.refuse(error),
  };

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
  wrapUp(callId: string, input: WrapUpInput = {}): void {
    try {
      this.wrapUps.record(callId, input);
    } catch (error) {
      if (error instanceof PhoneInputError) this.refuse(error);
      throw error;
    }
  }

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
    this.#config = { ...this.#config, auth: undefined };
    await this.engines.dispose();
    this.wrapUps.clear();
    this.roster.keep(() => false);
    this.clearStorage();
    this.log('info', 'signed out: calls, history and stored state cleared');
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
    const report = await runPreCallCheck({ config: this.#config, media: this.audio.forEngine, labels }, options);
    this.reportCheck(report);
    return report;
  }

  /** @internal Announces a check's report (`vc-audio-check`). */
  protected reportCheck(report: CheckReport): void {
    this.dispatchEvent(new VcAudioCheckEvent({ report }));
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

  /** Hangs up every live call and closes the connection. */
  async dispose(): Promise<void> {
    globalThis.removeEventListener?.('pagehide', this.onPageHide);
    this.wrapUps.clear();
    this.audio.dispose();
    this._history.dispose();
    // A follower's calls are the leader's: they go on without this tab.
    if (this.tabs?.following) this.tabs.dispose();
    else for (const call of this.calls) call.hangup();
    this.outbox.dispose();
    this.saving.now();
    this.tabs?.flush();
    await this.engines.dispose();
    // Only now may another tab take the connection over.
    this.tabs?.dispose();
  }

  /** Only the metadata (loaded lazily) knows the regions: an unknown one is refused then, in words, and the previous one stays. */
  private checkCountryLater(country: string, previous: string | undefined): void {
    void loadDialing().then(
      (dialing) => {
        try {
          dialing.checkDefaultCountry(country);
        } catch (error) {
          if (!(error instanceof PhoneInputError) || this.#config.defaultCountry !== country) return;
          this.#config = { ...this.#config, defaultCountry: previous };
          this.refuse(error);
          this.dispatchEvent(new Event('change'));
        }
      },
      () => undefined, // not loaded: a national number is refused in words when dialled
    );
  }

  private refuse(error: PhoneInputError): void {
    this.dispatchEvent(new VcInputErrorEvent({ code: error.code, message: error.message, field: error.field }));
  }

  private currentEngine(): Promise<LazyEngine> {
    return this.engines.current(async () => ({ ...(await loadDialing(this.#config)).engineConfig(this.#config), log: this.log, logLevel: this.#config.logLevel ?? 'warn' }));
  }

  private get hasLiveCalls(): boolean {
    return this.calls.some((call) => call.isLive);
  }

  /** @internal The engine's report (and the fake phone's script) of the connection. */
  protected connectionChanged(state: ConnectionState, message?: string, retryAt?: number, reason?: ConnectionReason): void {
    const change = this.connection.report(state, message, retryAt, reason);
    if (!change) return;
    this.dispatchEvent(change);
    this.dispatchEvent(new Event('change'));
  }

  /** A watched call changed: its end goes into the history (and its wrap-up is due); it is saved. */
  private readonly onCallChange = (changed: Call): void => {
    if (changed.isFinal && !changed.restored) {
      this._history.add(changed.toJSON());
      this.wrapUps.start(changed);
    }
    if (changed.isFinal) this.dropOldestFinished();
    this.saving.queue();
    // Holding, answering or ending a call can move the active call: the phone's view changed.
    const active = this.activeCallId;
    if (active === this.lastActiveCallId) return;
    this.lastActiveCallId = active;
    this.dispatchEvent(new Event('change'));
  };

  private get maxFinishedCalls(): number {
    return this.#config.maxFinishedCalls ?? DEFAULT_MAX_FINISHED_CALLS;
  }

  /** How stored calls come back (phone-saving.ts): the cap on finished calls, the webhook told of the cut ones. */
  private get restoreRules(): RestoreRules {
    return { maxFinished: this.maxFinishedCalls, webhook: this.#config.statusWebhook };
  }

  /** Keeps at most `maxFinishedCalls` finished calls: the ones that finished longest ago go first. */
  private dropOldestFinished(): void {
    if (!this.roster.dropOldestFinished(this.maxFinishedCalls)) return;
    this.saving.queue();
    this.dispatchEvent(new Event('change'));
  }

  private readonly onPageHide = (): void => {
    // Each live call ends as "cut by the reload" (and is saved so); its BYE still goes out.
    // Shared with other tabs, they are told at once, in their words (a follower's mirrors are not cut).
    for (const call of this.calls) call.cutByPageUnload(this.tabs?.shared ? LEADER_CLOSED_WORDS : undefined);
    this.saving.now();
    this.tabs?.flush();
  };
}
