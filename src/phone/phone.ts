/**
 * The telephony controller: one SIP account (one sip.js UserAgent, loaded lazily) and its calls.
 * Works with no DOM element at all; the elements share one instance through `@lit/context`.
 */
import {
  VcCallAnsweredEvent,
  VcCallColorEvent,
  VcCallDialingEvent,
  VcCallDtmfEvent,
  VcCallEndedEvent,
  VcCallFailedEvent,
  VcCallMuteEvent,
  VcCallRemovedEvent,
  VcCallRingingEvent,
  VcConnectionChangeEvent,
} from '../events/call-lifecycle-events.js';
import type { PhoneEventMap } from '../events/index.js';
import { VcInputErrorEvent } from '../events/input-error-event.js';
import type { VcEvent } from '../events/vc-event.js';
import { Call, checkColorName, type CallFact, type CallOwner } from './call.js';
import type { EngineHost, OutboundRequest, OutboundSession, SessionListener, TelephonyEngine } from './engine.js';
import { PhoneInputError, inputError } from './errors.js';
import { outcome } from './sip-errors.js';
import type { StatusWebhookOutbox, WebhookDelivery } from './status-webhook.js';
import { PhoneStore, type KeyValueStorage, type PhonePrefs } from './store.js';
import type { Dialing } from './dialing.js';
import type { CallOptions, CallTarget, ConnectionState, PhoneConfig, StatusWebhookConfig } from './types.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

let dialingModule: Promise<Dialing> | undefined;

/** Number checking, formatting and header building, with the phone-number metadata (lazy). */
function loadDialing(): Promise<Dialing> {
  dialingModule ??= import('./dialing.js');
  return dialingModule;
}

/** Random id for calls (crypto.randomUUID needs a secure context; this does not). */
function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Checks the WebSocket server URL: `wss:` required, `ws:` only on this machine. */
export function checkServerUrl(server: string | undefined): string {
  if (!server) throw inputError('missing-config', 'server', 'No SIP server is configured: set the WebSocket address (wss://...).');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw inputError('invalid-server', 'server', `"${server.slice(0, 80)}" is not a WebSocket address (wss://host/path).`);
  }
  if (url.username || url.password) {
    throw inputError('invalid-server', 'server', 'Put SIP credentials in the auth option, never in the server address.');
  }
  if (url.protocol === 'wss:') return url.href;
  if (url.protocol === 'ws:') {
    if (LOCAL_HOSTS.has(url.hostname)) return url.href;
    throw inputError('insecure-server', 'server', `Unencrypted ws:// is only allowed for localhost. Use wss://${url.host}${url.pathname}.`);
  }
  throw inputError('invalid-server', 'server', 'The SIP server address must start with wss:// (or ws:// for localhost).');
}

/**
 * Downloads (without running anything) the lazily-loaded parts: sip.js and the phone-number
 * metadata. The elements call it when the page is idle so the first call does not wait for them.
 */
export function prefetchTelephony(): Promise<void> {
  return Promise.all([import('./sip-engine.js'), loadDialing()]).then(
    () => undefined,
    () => undefined,
  );
}

/** Options for where the phone keeps what survives a reload. */
export interface PhoneOptions {
  /** Where state is persisted (default: localStorage). */
  storage?: KeyValueStorage;
}

/**
 * Places and tracks outbound calls. Dispatches every call life-cycle fact as a typed event
 * (`vc-call-dialing`, `vc-call-ringing`, `vc-call-answered`, `vc-call-dtmf`, `vc-call-mute`,
 * `vc-call-color`, `vc-call-ended`, `vc-call-failed`, `vc-call-removed`), refused input as
 * `vc-input-error`, the connection as `vc-connection-change`, and `change` whenever its list of
 * calls, its settings or its connection changed.
 */
export class Phone extends EventTarget implements CallOwner {
  private _config: PhoneConfig;
  private _calls: Call[] = [];
  private _connectionState: ConnectionState = 'idle';
  private _connectionMessage: string | undefined;
  private prefs: PhonePrefs;
  private readonly store: PhoneStore;
  /** The webhook outbox, loaded only when a webhook is configured or deliveries are pending. */
  private outbox: StatusWebhookOutbox | undefined;
  private outboxLoading: Promise<StatusWebhookOutbox> | undefined;
  private restoredOutbox: WebhookDelivery[];
  private readonly webhookOf = new Map<string, StatusWebhookConfig | undefined>();
  private engine: Promise<TelephonyEngine> | undefined;
  /** The account changed since the engine was made: replace it once no call needs it. */
  private engineStale = false;

  constructor(config: PhoneConfig = {}, options: PhoneOptions = {}) {
    super();
    this._config = { ...config };
    this.store = new PhoneStore(config.storageKey, options.storage);
    const saved = this.store.load();
    this.prefs = saved.prefs;
    this.restoredOutbox = saved.outbox;
    const cutByReload: Call[] = [];
    for (const snapshot of saved.calls) {
      const final = snapshot.state === 'ended' || snapshot.state === 'failed';
      const restored = new Call(this, {
        snapshot: final
          ? snapshot
          : {
              ...snapshot,
              state: 'ended',
              endedAt: saved.savedAt,
              outcome: outcome('system', 'reload'),
            },
      });
      if (!final) cutByReload.push(restored);
      this._calls.push(restored);
    }
    const webhook = config.statusWebhook;
    if (webhook || this.restoredOutbox.length) {
      void this.loadOutbox().then((outbox) => {
        if (!webhook) return;
        try {
          outbox.register(webhook);
          for (const call of cutByReload) outbox.enqueue(webhook, 'vc-call-ended', call.toJSON());
        } catch (error) {
          this.refuse(inputError('invalid-config', 'statusWebhook', (error as Error).message));
        }
      });
    }
    this.persist();
    globalThis.addEventListener?.('pagehide', this.onPageHide);
  }

  override addEventListener<K extends keyof PhoneEventMap>(
    type: K,
    listener: (event: PhoneEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof PhoneEventMap>(
    type: K,
    listener: (event: PhoneEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener, options);
  }

  /** The current configuration, without credentials (no SIP auth, no webhook password). */
  get config(): Readonly<Omit<PhoneConfig, 'auth'>> {
    const { auth: _auth, ...rest } = this._config;
    void _auth;
    const withoutPassword = (webhook?: StatusWebhookConfig) => webhook && { url: webhook.url, username: webhook.username };
    return {
      ...rest,
      ...(rest.statusWebhook ? { statusWebhook: withoutPassword(rest.statusWebhook) } : {}),
      ...(rest.defaults?.statusWebhook ? { defaults: { ...rest.defaults, statusWebhook: withoutPassword(rest.defaults.statusWebhook) } } : {}),
    };
  }

  /**
   * Changes the configuration. A new server, account or credentials apply from the next call
   * placed while no call is live (a live call keeps the connection it was placed on).
   */
  configure(changes: PhoneConfig): void {
    const accountChanged = (['server', 'aor', 'auth', 'displayName', 'iceServers'] as const).some(
      (key) => key in changes && changes[key] !== this._config[key],
    );
    this._config = { ...this._config, ...changes };
    const webhook = changes.statusWebhook;
    if (webhook) {
      void this.loadOutbox().then((outbox) => {
        try {
          outbox.register(webhook);
        } catch (error) {
          this.refuse(inputError('invalid-config', 'statusWebhook', (error as Error).message));
        }
      });
    }
    if (accountChanged && this.engine) this.engineStale = true;
    this.dropStaleEngine();
    this.dispatchEvent(new Event('change'));
  }

  /** Outbound calling is switched on. */
  get enabled(): boolean {
    return this._config.enabled !== false;
  }
  set enabled(enabled: boolean) {
    this.configure({ enabled });
  }
  /** Why calling is off (when `enabled` is false). */
  get disabledReason(): string {
    return this._config.disabledReason || 'Outbound calling is switched off.';
  }

  /** Every call, newest first, including finished ones until they are removed. */
  get calls(): readonly Call[] {
    return this._calls;
  }

  getCall(id: string): Call | undefined {
    return this._calls.find((call) => call.id === id);
  }

  get connectionState(): ConnectionState {
    return this._connectionState;
  }
  /** Words about the connection when it is not fine. */
  get connectionMessage(): string | undefined {
    return this._connectionMessage;
  }

  /** Ask before the close X hangs up a live call (the agent can turn it off; remembered). */
  get confirmClose(): boolean {
    return this.prefs.confirmClose;
  }
  set confirmClose(confirm: boolean) {
    this.prefs = { ...this.prefs, confirmClose: confirm };
    this.persist();
    this.dispatchEvent(new Event('change'));
  }

  /**
   * Checks what the agent typed. Resolves with the target, or rejects with a
   * {@link PhoneInputError} saying why it can't be called (no event: nothing was attempted).
   */
  async checkTarget(to: string): Promise<CallTarget> {
    return this.parseTo(to, await loadDialing());
  }

  /** Formats an international number as it is typed (`+442079` -> `+44 20 79`). */
  async formatAsTyped(input: string): Promise<string> {
    const dialing = await loadDialing();
    return dialing.formatAsTyped(input, dialing);
  }

  /**
   * Gets ready for a fast call while the agent types: phone metadata, sip.js, the connection
   * and (if permission was already given) the microphone. Never throws.
   */
  async prewarm(): Promise<void> {
    if (!this.enabled) return;
    try {
      await loadDialing();
      checkServerUrl(this._config.server);
      await (await this.loadEngineOnce()).prewarm();
    } catch {
      // A failed warm-up is not an error: the call itself reports what is wrong.
    }
  }

  /** Connects to the SIP server now (calls connect on demand anyway). */
  async connect(): Promise<void> {
    this.validateAccount(await loadDialing());
    await (await this.loadEngineOnce()).connect();
  }

  /**
   * Places a call. Resolves with the `Call` as soon as it is dialing; rejects with a
   * {@link PhoneInputError} (and dispatches `vc-input-error`) if anything is refused, in which
   * case nothing is sent.
   */
  async call(to: string, options: CallOptions = {}): Promise<Call> {
    let request: OutboundRequest;
    let target: CallTarget;
    let webhook: StatusWebhookConfig | undefined;
    const defaults = this._config.defaults ?? {};
    // A call's own context and headers add to the defaults (and win on the same name).
    const merged: CallOptions = {
      ...defaults,
      ...options,
      context: defaults.context || options.context ? { ...defaults.context, ...options.context } : undefined,
      headers: defaults.headers || options.headers ? { ...defaults.headers, ...options.headers } : undefined,
    };
    try {
      if (!this.enabled) throw inputError('disabled', 'enabled', this.disabledReason);
      const dialing = await loadDialing();
      this.validateAccount(dialing);
      target = this.parseTo(to, dialing);
      request = this.buildRequest(target, merged, dialing);
      webhook = merged.statusWebhook ?? this._config.statusWebhook;
      if (webhook) {
        const { checkWebhookUrl } = await import('./status-webhook.js');
        try {
          checkWebhookUrl(webhook.url);
        } catch (error) {
          throw inputError('invalid-config', 'statusWebhook', (error as Error).message);
        }
      }
      if (merged.color !== undefined) checkColorName(merged.color);
    } catch (error) {
      if (error instanceof PhoneInputError) this.refuse(error);
      throw error;
    }
    const from = typeof merged.from === 'string' ? { uri: merged.from } : merged.from;
    this.dropStaleEngine();
    const call = new Call(this, { id: newId(), target, from, color: merged.color });
    this.webhookOf.set(call.id, webhook);
    this._calls = [call, ...this._calls];
    this.dispatchEvent(new Event('change'));
    call.attach((listener) => this.startSession(request, listener));
    return call;
  }

  /** Removes a finished call's record for good (the bin). Live calls can't be removed: hang up first. */
  removeCall(id: string): void {
    const call = this.getCall(id);
    if (!call || call.isLive) return;
    this._calls = this._calls.filter((c) => c !== call);
    this.webhookOf.delete(id);
    this.persist();
    this.emit(new VcCallRemovedEvent({ call: call.toJSON() }));
    this.dispatchEvent(new Event('change'));
  }

  /** Hangs up every live call and closes the connection. */
  async dispose(): Promise<void> {
    globalThis.removeEventListener?.('pagehide', this.onPageHide);
    for (const call of this._calls) call.hangup();
    this.outbox?.dispose();
    await this.disposeEngine();
  }

  /** @internal */
  callChanged(call: Call, fact?: CallFact): void {
    this.persist();
    if (!fact) return;
    const detail = { call: call.toJSON() };
    let event: VcEvent<unknown>;
    let data: Record<string, unknown> | undefined;
    switch (fact.type) {
      case 'dialing':
        event = new VcCallDialingEvent(detail);
        break;
      case 'ringing':
        event = new VcCallRingingEvent({ ...detail, earlyMedia: fact.earlyMedia });
        data = { earlyMedia: fact.earlyMedia };
        break;
      case 'answered':
        event = new VcCallAnsweredEvent(detail);
        break;
      case 'dtmf':
        event = new VcCallDtmfEvent({ ...detail, digit: fact.digit, method: fact.method });
        data = { digit: fact.digit, method: fact.method };
        break;
      case 'mute':
        event = new VcCallMuteEvent({ ...detail, muted: fact.muted });
        data = { muted: fact.muted };
        break;
      case 'color':
        event = new VcCallColorEvent({ ...detail, color: fact.color });
        data = { color: fact.color ?? null };
        break;
      case 'ended':
        event = new VcCallEndedEvent({ ...detail, outcome: fact.outcome });
        break;
      case 'failed':
        event = new VcCallFailedEvent({ ...detail, outcome: fact.outcome });
        break;
    }
    const webhook = this.webhookOf.get(call.id);
    // Enqueued in the order the facts happen, even while the outbox module is still loading.
    if (webhook) void this.loadOutbox().then((outbox) => outbox.enqueue(webhook, event.type, detail.call, data));
    this.emit(event);
  }

  /** Loads the telephony engine (sip.js) — overridden by the fake phone. */
  protected async loadEngine(host: EngineHost): Promise<TelephonyEngine> {
    const { createSipEngine } = await import('./sip-engine.js');
    return createSipEngine(host);
  }

  /** Events the phone dispatches: subclasses (and the provider element) observe them here. */
  protected emit(event: VcEvent<unknown>): void {
    this.dispatchEvent(event);
  }

  private refuse(error: PhoneInputError): void {
    this.emit(new VcInputErrorEvent({ code: error.code, message: error.message, field: error.field }));
  }

  private validateAccount(dialing: Dialing): void {
    checkServerUrl(this._config.server);
    if (!this._config.aor) throw inputError('missing-config', 'aor', "No SIP address (aor) is configured for the agent, e.g. sip:agent@example.com.");
    dialing.parseSipUri(this._config.aor, 'aor', "agent's SIP address");
    if (this._config.displayName) dialing.escapeDisplayName(this._config.displayName, 'displayName');
    const auth = this._config.auth;
    if (auth && (typeof auth.username !== 'string' || typeof auth.password !== 'string' || !auth.username)) {
      throw inputError('invalid-config', 'auth', 'SIP credentials need both a username and a password.');
    }
  }

  private aorDomain(): string {
    const aor = this._config.aor ?? '';
    return aor.replace(/^sips?:/i, '').replace(/^[^@]*@/, '').split(/[;?]/)[0];
  }

  private parseTo(to: string, dialing: Dialing): CallTarget {
    return dialing.parseTarget(to, dialing, (e164) => this.numberToUri(e164, dialing));
  }

  private numberToUri(e164: string, dialing: Dialing): string {
    if (this._config.numberToUri) return this._config.numberToUri(e164);
    return dialing.numberAtDomain(e164, this._config.numberDomain ?? this.aorDomain());
  }

  /** Turns validated options into header lines; throws PhoneInputError on anything unsafe. */
  private buildRequest(target: CallTarget, options: CallOptions, dialing: Dialing): OutboundRequest {
    const { routeHeaders, contextHeaders, extraHeaders, normaliseIdentity, checkIdentityUri, parseInternationalNumber, assertedIdentityHeader, escapeDisplayName } =
      dialing;
    const headers: string[] = [...routeHeaders(options.route), ...contextHeaders(options.context), ...extraHeaders(options.headers)];
    const identity = normaliseIdentity(options.from);
    let fromUri: string | undefined;
    if (identity?.uri) {
      fromUri = /^(sips?|tel):/i.test(identity.uri) ? checkIdentityUri(identity.uri) : undefined;
      if (fromUri?.startsWith('tel:') || fromUri === undefined) {
        // A number (or tel: URI) as identity: the SIP stack needs a SIP URI, at the account's domain.
        try {
          const number = parseInternationalNumber(identity.uri.replace(/^tel:/i, ''), dialing, 'from');
          fromUri = `sip:${number.e164}@${this.aorDomain()};user=phone`;
        } catch (error) {
          throw inputError('invalid-identity', 'from', `Calling identity: ${(error as Error).message}`);
        }
      }
    }
    const displayName = identity?.displayName ?? this._config.displayName;
    if (identity) headers.push(assertedIdentityHeader(identity, fromUri ?? (this._config.aor as string)));
    return {
      uri: target.uri,
      fromUri,
      fromDisplayName: displayName === undefined ? undefined : escapeDisplayName(displayName, identity?.displayName ? 'from' : 'displayName'),
      extraHeaders: headers,
      dtmf: this._config.dtmf ?? 'rfc4733',
    };
  }

  private loadEngineOnce(): Promise<TelephonyEngine> {
    if (!this.engine) {
      const { server, aor, displayName, auth, iceServers } = this._config;
      const engine = loadDialing().then((dialing) =>
        this.loadEngine({
          config: {
            server: checkServerUrl(server),
            aor: aor as string,
            displayName: displayName === undefined ? undefined : dialing.escapeDisplayName(displayName, 'displayName'),
            auth,
            iceServers: iceServers ?? [],
          },
          connectionChanged: (state, message) => this.connectionChanged(state, message),
        }),
      );
      this.engine = engine;
      engine.catch(() => {
        if (this.engine === engine) this.engine = undefined;
      });
    }
    return this.engine;
  }

  private loadOutbox(): Promise<StatusWebhookOutbox> {
    this.outboxLoading ??= import('./status-webhook.js').then(({ StatusWebhookOutbox }) => {
      this.outbox = new StatusWebhookOutbox(this.restoredOutbox, {
        persist: () => this.persist(),
        onGiveUp: (delivery, why) => console.warn(`vc-phone: status webhook event ${delivery.payload.type} given up (${why}).`),
      });
      this.restoredOutbox = [];
      return this.outbox;
    });
    return this.outboxLoading;
  }

  private dropStaleEngine(): void {
    if (!this.engineStale || this._calls.some((call) => call.isLive)) return;
    this.engineStale = false;
    void this.disposeEngine();
  }

  private async disposeEngine(): Promise<void> {
    const engine = this.engine;
    this.engine = undefined;
    if (engine) await (await engine.catch(() => undefined))?.dispose();
  }

  private connectionChanged(state: ConnectionState, message?: string): void {
    if (state === this._connectionState && message === this._connectionMessage) return;
    this._connectionState = state;
    this._connectionMessage = message;
    this.emit(new VcConnectionChangeEvent(message ? { state, message } : { state }));
    this.dispatchEvent(new Event('change'));
  }

  /** A session that starts once the engine has loaded; actions in the meantime are kept. */
  private startSession(request: OutboundRequest, listener: SessionListener): OutboundSession {
    let session: OutboundSession | undefined;
    let hungUp = false;
    let microphoneEnabled = true;
    this.loadEngineOnce().then(
      (engine) => {
        if (hungUp) return listener.ended('local', 'cancelled');
        session = engine.placeCall(request, listener);
        if (!microphoneEnabled) session.setMicrophoneEnabled(false);
      },
      (error: unknown) => listener.ended('system', 'connection-lost', undefined, `The phone could not start: ${(error as Error).message}`),
    );
    return {
      hangup: () => {
        hungUp = true;
        session?.hangup();
      },
      setMicrophoneEnabled: (enabled) => {
        microphoneEnabled = enabled;
        session?.setMicrophoneEnabled(enabled);
      },
      sendDtmf: (digits) => session?.sendDtmf(digits),
      mediaStats: async () => session?.mediaStats(),
    };
  }

  private persist(): void {
    this.store.save({
      calls: this._calls.map((call) => call.toJSON()),
      prefs: this.prefs,
      outbox: this.outbox ? [...this.outbox.pending] : this.restoredOutbox,
    });
  }

  private readonly onPageHide = (): void => {
    // Each live call ends as "cut by the reload" (and is saved so); its BYE still goes out.
    for (const call of this._calls) call.cutByPageUnload();
    this.persist();
  };
}

