/**
 * What a `Phone` is made of and how its parts are wired: the configuration (credentials kept in
 * a private field), the engine slot and its lifecycle (connection reports, page hide, dispose),
 * the call roster, the webhook outbox and the saving. Apart from phone.ts so that the public
 * class reads as its API; phone-records.ts and phone.ts build on it, facts still flow back by
 * events only (session -> call -> phone -> page).
 * @internal
 */
import type { PhoneEventMap } from '../events/index.js';
import { VcInputErrorEvent } from '../events/input-error-event.js';
import type { Call } from './call.js';
import { CallRoster } from './call-roster.js';
import { ConnectionStatus } from './connection-status.js';
import { LazyMerges } from './lazy-merges.js';
import { DEFAULT_MAX_FINISHED_CALLS, checkConfig, withoutCredentials } from './config-checks.js';
import { PhoneInputError } from './errors.js';
import { EngineSlot } from './engine-slot.js';
import type { LazyEngine } from './lazy-engine.js';
import { loadDialing, sipEngineFactory } from './lazy-modules.js';
import { LazyOutbox } from './lazy-outbox.js';
import { OneActiveCall } from './one-active-call.js';
import type { PhoneOptions } from './phone-options.js';
import { PhoneSaving, type RestoreRules } from './phone-saving.js';
import { PhoneStore, defaultStorage } from './store.js';
import { PhoneAudio } from './audio-devices.js';
import { LEADER_CLOSED } from './tabs/tab-protocol.js';
import { canShareTabs, type LazyTabs } from './tabs/lazy-tabs.js';
import { CallHistory, DEFAULT_MAX_HISTORY } from './call-history.js';
import { makeLog } from './logger.js';
import { WrapUpDesk } from './wrap-up-desk.js';
import { TypedEventTarget } from './typed-event-target.js';
import type { ConnectionReason, ConnectionState, PhoneConfig, PhoneLogger, WrapUpInput } from './types.js';

/** Settings that make a new engine (a new connection) from the next call placed while no call is live. */
const ACCOUNT_KEYS = ['server', 'aor', 'auth', 'displayName', 'iceServers', 'iceTransportPolicy', 'reconnectWindowMs'] as const;

/** @internal The phone shares one connection and its calls with the other tabs of the origin (phone.ts joins them). */
export function sharesTabs(options: PhoneOptions): boolean {
  const shared = options.tabs === 'shared' || (options.tabs === undefined && !options.engine && !options.storage);
  return shared && canShareTabs();
}

/** @internal The base of `Phone`: its parts and their wiring (see the file's comment). */
export abstract class PhoneCore extends TypedEventTarget<PhoneEventMap> {
  #config: PhoneConfig;
  /** @internal */
  protected readonly roster: CallRoster;
  /** @internal */
  protected readonly connection = new ConnectionStatus();
  /** @internal */
  protected readonly saving: PhoneSaving;
  /** @internal */
  protected readonly outbox: LazyOutbox;
  /** @internal A follower tab shows the leader's calls: the leader alone holds the others when one is answered. */
  protected readonly oneActiveCall = new OneActiveCall(this, () => this.#config.autoHold !== false && !this.tabs?.following, (message) => this.log('warn', message));
  /** @internal */
  protected readonly merges = new LazyMerges(this);
  /** @internal */
  protected readonly engines: EngineSlot;
  private lastActiveCallId: string | undefined;
  /** @internal */
  protected readonly _history: CallHistory;
  /** @internal Finished calls of this session still waiting for their wrap-up, with the timer and draft of each. */
  protected readonly wrapUps = new WrapUpDesk(this, () => this.#config);
  /** Writes a line to the page's logger (or the console), at the configured level, without secrets. */
  readonly log: PhoneLogger = makeLog(() => this.#config);
  /**
   * The agent's microphone and outputs: the devices listed, the one chosen for each use
   * (`useMicrophone`, `useSpeaker`, `useRinger`: live calls switch at once, no re-INVITE), the voice
   * processing switches, and what happens when a device is plugged in or out. Remembered per
   * storage key. Dispatches `vc-audio-devices-change` and `vc-audio-device-lost` from the phone.
   */
  readonly audio: PhoneAudio;
  /** @internal The tabs sharing this phone (undefined: this phone is the tab's own). Set once, by phone.ts's constructor. */
  protected tabs: LazyTabs | undefined;

  constructor(config: PhoneConfig, options: PhoneOptions) {
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
    // Shared: finished calls show at once, in any tab; the live ones are the leader's to end or mirror.
    if (sharesTabs(options)) this.saving.showFinished(saved, this.maxFinishedCalls);
    else this.saving.restore(saved, this.restoreRules);
  }

  /** Every call, newest first, including finished ones until they are removed. */
  get calls(): readonly Call[] {
    return this.roster.calls;
  }

  getCall(id: string): Call | undefined {
    return this.roster.get(id);
  }

  /** Records the after-call work of a finished call (phone-records.ts); the wrap-up desk saves a draft through it. */
  abstract wrapUp(callId: string, input?: WrapUpInput): void;

  /** The current configuration, without credentials (no SIP auth, no webhook password, no TURN credential). */
  get config(): Readonly<Omit<PhoneConfig, 'auth'>> {
    return withoutCredentials(this.#config);
  }

  /** @internal The configuration as given, credentials included: for the parts that need them, never shown. */
  protected get settings(): PhoneConfig {
    return this.#config;
  }

  /** @internal Forgets the SIP credentials (signing out). */
  protected forgetCredentials(): void {
    this.#config = { ...this.#config, auth: undefined };
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

  /** @internal Announces refused input (`vc-input-error`). */
  protected refuse(error: PhoneInputError): void {
    this.dispatchEvent(new VcInputErrorEvent({ code: error.code, message: error.message, field: error.field }));
  }

  /** @internal The engine for the next call (made, or made again after an account change, on first need). */
  protected currentEngine(): Promise<LazyEngine> {
    return this.engines.current(async () => ({ ...(await loadDialing(this.#config)).engineConfig(this.#config), log: this.log, logLevel: this.#config.logLevel ?? 'warn' }));
  }

  /** @internal */
  protected get hasLiveCalls(): boolean {
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
    const active = this.oneActiveCall.activeCall?.id;
    if (active === this.lastActiveCallId) return;
    this.lastActiveCallId = active;
    this.dispatchEvent(new Event('change'));
  };

  private get maxFinishedCalls(): number {
    return this.#config.maxFinishedCalls ?? DEFAULT_MAX_FINISHED_CALLS;
  }

  /** @internal How stored calls come back (phone-saving.ts): the cap on finished calls, the webhook told of the cut ones. */
  protected get restoreRules(): RestoreRules {
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
    for (const call of this.calls) call.cutByPageUnload(this.tabs?.shared ? LEADER_CLOSED : undefined);
    this.saving.now();
    this.tabs?.flush();
  };
}
