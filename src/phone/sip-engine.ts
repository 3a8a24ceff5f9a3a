/**
 * The real telephony engine: sip.js over a WebSocket. This module is only ever loaded through a
 * dynamic import, so pages paint before sip.js (~60 KB gzip) arrives. No sip.js type leaves it.
 * It owns the UserAgent and wires its parts: the connection (sip-connection.ts), the media
 * (sip-media.ts) and one `SipSession` per call (sip-session.ts).
 * @internal
 */
import { Inviter, SIPExtension, SessionState, UserAgent, UserAgentState, Web, type LogLevel, type SessionDescriptionHandlerFactory, type UserAgentOptions } from 'sip.js';
import { checkCredentials } from './config-checks.js';
import { CallStartError, type EngineConfig, type EngineHost, type OutboundRequest, type OutboundSession, type SessionListener, type TelephonyEngine } from './engine.js';
import { SipConnection } from './sip-connection.js';
import { tolerantTransport } from './sip-tolerant-transport.js';
import { SharedMicrophone, WarmCertificate, offerOnFirstUsableCandidate, withOfferRollback } from './sip-media.js';
import { SipSession, type SessionContext } from './sip-session.js';
import { switchMicrophone } from './sip-audio-choice.js';
import { WarmOffer } from './sip-warm-offer.js';
import { sendSafely } from './sip-send-safely.js';

/** A credentials source that has not answered by then fails the call. */
const CREDENTIALS_DEADLINE_MS = 10_000;

/** Never lets a header with credentials reach a log. */
function redact(text: string): string {
  return text.replace(/^((?:Proxy-)?Authorization:).*$/gim, '$1 [redacted]');
}

/** The sip.js log level for the phone's (`off` still asks sip.js for errors; the phone's log drops them). */
function sipLogLevel(level: EngineConfig['logLevel']): LogLevel {
  if (level === 'debug') return 'debug';
  if (level === 'info') return 'log';
  if (level === 'error' || level === 'off') return 'error';
  return 'warn';
}

/** sip.js options a test may replace (a stand-in transport or description handler). */
export type EngineOverrides = Pick<UserAgentOptions, 'transportConstructor' | 'sessionDescriptionHandlerFactory'>;

export class SipEngine implements TelephonyEngine, SessionContext {
  readonly userAgent: UserAgent;
  private readonly connection: SipConnection;
  private readonly microphone = new SharedMicrophone(() => this.host.media);
  private readonly certificate = new WarmCertificate();
  /** The next call's offer, made ahead while the agent types (microphone already granted). */
  private readonly warmOffer = new WarmOffer();
  /** Our handler factory (undefined when a test replaces it: then nothing is made ahead). */
  private ownFactory: SessionDescriptionHandlerFactory | undefined;
  readonly sessions = new Set<SipSession>();
  /** Calls cut by a lost connection: their BYE (or CANCEL) goes out once it is back. */
  private readonly cutOff = new Set<Inviter>();
  /** The browser went offline or online since the last connection: the media path may have changed too. */
  private networkChanged = false;

  constructor(
    private readonly host: EngineHost,
    overrides: EngineOverrides = {},
  ) {
    const { server, aor, displayName, auth, iceServers, iceTransportPolicy } = host.config;
    const uri = UserAgent.makeURI(aor);
    if (!uri) throw new Error(`"${aor}" is not a SIP address.`);
    this.userAgent = new UserAgent({
      uri,
      displayName,
      // Credentials from a source are fetched per call (prepareCall), never at start-up.
      authorizationUsername: typeof auth === 'function' ? undefined : auth?.username,
      authorizationPassword: typeof auth === 'function' ? undefined : auth?.password,
      transportOptions: { server, connectionTimeout: 5, keepAliveInterval: 25 },
      logBuiltinEnabled: false,
      // sip.js writes through the phone's log (level, page logger, secrets scrubbed); never to the console itself.
      logLevel: sipLogLevel(host.config.logLevel),
      logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) => {
        const line = `[${category}] ${redact(content)}`;
        const log = host.config.log;
        if (log) log(level === 'log' ? 'info' : level, line);
        else if (level === 'error') console.error(`vc-phone ${line}`);
        else if (level === 'warn') console.warn(`vc-phone ${line}`);
      },
      userAgentString: 'vc-phone (sip.js)',
      // Gateways that play announcements in reliable provisional responses (RFC 3262) get their PRACK.
      sipExtension100rel: SIPExtension.Supported,
      sessionDescriptionHandlerFactoryOptions: {
        // Default bundle policy: SIP media relays answer without a BUNDLE group, which max-bundle refuses.
        peerConnectionConfiguration: { iceServers, iceTransportPolicy },
        // Without STUN/TURN gathering ends within milliseconds; the cap only matters with slow servers.
        iceGatheringTimeout: 1000,
      },
      sessionDescriptionHandlerFactory: overrides.sessionDescriptionHandlerFactory ?? (this.ownFactory = this.descriptionHandlerFactory()),
      transportConstructor: tolerantTransport(overrides.transportConstructor ?? Web.Transport),
      delegate: {
        onConnect: () => {
          this.connection.connected();
          this.hangUpCutOffCalls();
          const networkChanged = this.networkChanged;
          this.networkChanged = false;
          for (const session of [...this.sessions]) session.connectionRestored(networkChanged);
        },
        onDisconnect: (error?: Error) => {
          // Answered calls carry on (their media does not need the WebSocket) while the phone
          // reconnects; calls still being set up end now, with the reason.
          for (const session of [...this.sessions]) session.connectionLost(error ? this.host.config.reconnectWindowMs : 0);
          this.connection.disconnected(error);
        },
      },
    });
    const ua = this.userAgent;
    this.connection = new SipConnection(
      {
        get started() {
          return ua.state === UserAgentState.Started;
        },
        start: () => ua.start(),
        reconnect: () => ua.reconnect(),
        isConnected: () => ua.isConnected(),
      },
      { report: (state, message, retryAt, reason) => this.host.connectionChanged(state, message, retryAt, reason), hasLiveCalls: () => this.sessions.size > 0 },
    );
    globalThis.document?.addEventListener('securitypolicyviolation', this.onPolicyViolation);
    globalThis.addEventListener?.('online', this.onNetworkChange);
    globalThis.addEventListener?.('offline', this.onNetworkChange);
  }

  /** A new network (or the old one back): reconnect now rather than at the next backoff step. */
  private readonly onNetworkChange = (event: Event): void => {
    this.networkChanged = true;
    this.warmOffer.drop(); // its ICE candidates may belong to the old network
    if (event.type === 'online' && !this.userAgent.isConnected() && this.sessions.size > 0) void this.connect().catch(() => undefined);
  };

  get iceServers(): RTCIceServer[] {
    return this.host.config.iceServers;
  }

  get media() {
    return this.host.media;
  }

  /** The agent chose another microphone, output or processing: live calls follow, no re-INVITE. */
  async audioChanged(what: 'microphone' | 'speaker'): Promise<void> {
    if (what === 'speaker') return this.sessions.forEach((session) => session.useSpeaker());
    await switchMicrophone(this.microphone, () => this.warmOffer.drop(), this.sessions);
  }

  connect(): Promise<void> {
    return this.connection.connect();
  }

  async prewarm(): Promise<void> {
    void this.certificate.warm();
    const connecting = this.connect().catch(() => undefined);
    const permission = await navigator.permissions?.query({ name: 'microphone' }).catch(() => undefined);
    // Only warm the microphone when it won't prompt: a permission prompt belongs to the Call click.
    if (permission?.state === 'granted') {
      await this.microphone.get().catch(() => undefined);
      if (this.sessions.size === 0) this.microphone.releaseWhenIdle();
      // The next call's peer connection: microphone track, certificate and ICE candidates, ready.
      const factory = this.ownFactory;
      if (factory) {
        await this.certificate.warm();
        await this.warmOffer.warm(() => this.makeWarmHandler(factory)).catch(() => undefined);
      }
    }
    await connecting;
  }

  async prepareCall(): Promise<void> {
    this.microphone.keep();
    try {
      await Promise.all([
        this.connect().catch((error: Error) => {
          throw new CallStartError('connection-lost', error.message);
        }),
        this.microphone.get(),
        this.certificate.warm(),
        this.loadCredentials(),
      ]);
    } catch (error) {
      if (this.sessions.size === 0) this.microphone.releaseWhenIdle();
      throw error;
    }
  }

  placeCall(request: OutboundRequest, listener: SessionListener): OutboundSession {
    const session = new SipSession(this, request, listener);
    this.sessions.add(session);
    return session;
  }

  async dispose(): Promise<void> {
    globalThis.document?.removeEventListener('securitypolicyviolation', this.onPolicyViolation);
    globalThis.removeEventListener?.('online', this.onNetworkChange);
    globalThis.removeEventListener?.('offline', this.onNetworkChange);
    this.connection.close();
    this.cutOff.clear();
    this.warmOffer.drop();
    for (const session of this.sessions) session.hangup();
    this.microphone.release();
    await this.userAgent.stop().catch(() => undefined);
    this.host.connectionChanged('disconnected');
  }

  sessionEnded(session: SipSession): void {
    this.sessions.delete(session);
    if (this.sessions.size > 0) return;
    this.microphone.releaseWhenIdle();
    if (typeof this.host.config.auth === 'function') {
      // Short-lived credentials live as long as the calls they were fetched for.
      this.userAgent.configuration.authorizationUsername = '';
      this.userAgent.configuration.authorizationPassword = '';
    }
  }

  /** With a credentials source: fetch fresh credentials (a call's credentials were refused). */
  get refreshCredentials(): (() => Promise<void>) | undefined {
    return typeof this.host.config.auth === 'function' ? () => this.loadCredentials() : undefined;
  }

  /** Asks the credentials source (if the account has one) for this call's credentials. */
  private async loadCredentials(): Promise<void> {
    const source = this.host.config.auth;
    if (typeof source !== 'function') return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new CallStartError('auth-failed', `The SIP credentials were not provided within ${CREDENTIALS_DEADLINE_MS / 1000} s.`)), CREDENTIALS_DEADLINE_MS);
    });
    try {
      const credentials: unknown = await Promise.race([source(), late]);
      checkCredentials(credentials);
      if (typeof credentials !== 'object') throw new Error('no credentials');
      this.userAgent.configuration.authorizationUsername = credentials.username;
      this.userAgent.configuration.authorizationPassword = credentials.password;
    } catch (error) {
      if (error instanceof CallStartError) throw error;
      throw new CallStartError('auth-failed', `The SIP credentials could not be fetched: ${(error as Error)?.message ?? String(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  hangUpWhenReconnected(inviter: Inviter): void {
    this.cutOff.add(inviter);
  }

  /** A CSP `connect-src` that blocks the server: say so now (the blocked socket may never close). */
  private readonly onPolicyViolation = (event: SecurityPolicyViolationEvent): void => {
    if (!event.effectiveDirective.startsWith('connect-src')) return;
    const server = new URL(this.host.config.server);
    const blocked = event.blockedURI.replace(/\/$/, '');
    if (blocked !== server.origin && blocked !== `${server.protocol}//${server.host}` && !server.href.startsWith(blocked)) return;
    this.connection.blocked(
      `This page's Content-Security-Policy blocks the SIP server: add ${server.protocol}//${server.host} to its connect-src.`,
    );
  };

  private hangUpCutOffCalls(): void {
    for (const inviter of this.cutOff) {
      if (inviter.state === SessionState.Established) sendSafely(() => inviter.bye());
      else if (inviter.state === SessionState.Initial || inviter.state === SessionState.Establishing) sendSafely(() => inviter.cancel());
    }
    this.cutOff.clear();
  }

  /** sip.js's factory, with each call's microphone clone and the pre-generated DTLS certificate. */
  private descriptionHandlerFactory(): SessionDescriptionHandlerFactory {
    const base = Web.defaultSessionDescriptionHandlerFactory(() => this.microphone.forCall());
    return (session, options?: Web.SessionDescriptionHandlerFactoryOptions) => {
      const warm = this.warmOffer.take();
      if (warm) return warm;
      const certificate = this.certificate.usable;
      const withCertificate = certificate
        ? { ...options, peerConnectionConfiguration: { ...options?.peerConnectionConfiguration, certificates: [certificate] } }
        : options;
      return withOfferRollback(base(session, withCertificate));
    };
  }

  /** A handler made ahead as sip.js makes one for an INVITE; its offer is ready at its first usable candidate. */
  private makeWarmHandler(factory: SessionDescriptionHandlerFactory): Web.SessionDescriptionHandler {
    const options = this.userAgent.configuration.sessionDescriptionHandlerFactoryOptions as Web.SessionDescriptionHandlerFactoryOptions;
    const handler = factory({ userAgent: this.userAgent } as Parameters<SessionDescriptionHandlerFactory>[0], options) as Web.SessionDescriptionHandler;
    offerOnFirstUsableCandidate(handler, this.iceServers);
    return handler;
  }
}

/** Creates the sip.js engine for a phone. */
export async function createSipEngine(host: EngineHost, overrides?: EngineOverrides): Promise<TelephonyEngine> {
  return new SipEngine(host, overrides);
}
