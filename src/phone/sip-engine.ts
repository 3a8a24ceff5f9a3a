/**
 * The real telephony engine: sip.js over a WebSocket. This module is only ever loaded through a
 * dynamic import, so pages paint before sip.js (~60 KB gzip) arrives. No sip.js type leaves it.
 * @internal
 */
import { Inviter, SessionState, UserAgent, UserAgentState, Web, type LogLevel, type SessionDescriptionHandlerFactory } from 'sip.js';
import { DtmfQueue } from './dtmf-queue.js';
import type { EngineHost, OutboundRequest, OutboundSession, SessionListener, TelephonyEngine } from './engine.js';
import type { CallEndReason, MediaStats } from './types.js';

const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 30_000;
/** A pre-warmed microphone is released after this long without a call. */
const MICROPHONE_IDLE_MS = 60_000;
/** RFC 4733 tone length and gap (ms): long enough for any IVR, short enough for fast typing. */
const TONE_MS = 100;
const TONE_GAP_MS = 70;
/** After the first usable candidate, how long other candidates of the same kind may still join the offer. */
const EARLY_OFFER_GRACE_MS = 10;

/**
 * Sends the offer as soon as it holds a usable UDP candidate, instead of waiting for the end of
 * gathering: Chrome's TCP host candidate alone costs ~110 ms, and SIP media relays never use it.
 * With STUN/TURN servers configured, the candidate that counts is the server-reflexive/relayed one.
 */
function offerOnFirstUsableCandidate(sdh: Web.SessionDescriptionHandler, iceServers: RTCIceServer[]): void {
  const pc = sdh.peerConnection;
  if (!pc) return;
  const urls = iceServers.flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls]));
  const wanted: RTCIceCandidateType = urls.some((url) => /^turns?:/i.test(url)) ? 'relay' : urls.length ? 'srflx' : 'host';
  let timer: ReturnType<typeof setTimeout> | undefined;
  pc.addEventListener('icecandidate', (event) => {
    const candidate = event.candidate;
    if (timer || !candidate || candidate.protocol !== 'udp' || candidate.type !== wanted) return;
    timer = setTimeout(() => sdh.iceGatheringComplete(), EARLY_OFFER_GRACE_MS);
  });
}

/** A media error, classified into words the agent can act on. */
class MicrophoneError extends Error {
  constructor(readonly reason: CallEndReason) {
    super(reason);
  }
}

function classifyMediaError(error: unknown): MicrophoneError {
  const name = (error as { name?: string })?.name;
  if (!navigator.mediaDevices) return new MicrophoneError('insecure-context');
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return new MicrophoneError('microphone-denied');
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError' || name === 'DevicesNotFoundError') {
    return new MicrophoneError('no-microphone');
  }
  return new MicrophoneError('microphone-denied');
}

/** Never lets a header with credentials reach a log. */
function redact(text: string): string {
  return text.replace(/^((?:Proxy-)?Authorization:).*$/gim, '$1 [redacted]');
}

class SipEngine implements TelephonyEngine {
  private readonly ua: UserAgent;
  private starting: Promise<void> | undefined;
  private wantConnected = false;
  private reconnectAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private microphone: Promise<MediaStream> | undefined;
  private microphoneIdleTimer: ReturnType<typeof setTimeout> | undefined;
  private certificate: Promise<RTCCertificate | undefined> | undefined;
  private readyCertificate: RTCCertificate | undefined;
  readonly sessions = new Set<SipSession>();
  /** Calls cut by a lost connection: their BYE (or CANCEL) goes out once it is back. */
  private readonly cutOff = new Set<Inviter>();
  private disposed = false;

  constructor(private readonly host: EngineHost) {
    const { server, aor, displayName, auth, iceServers } = host.config;
    const uri = UserAgent.makeURI(aor);
    if (!uri) throw new Error(`"${aor}" is not a SIP address.`);
    this.ua = new UserAgent({
      uri,
      displayName,
      authorizationUsername: auth?.username,
      authorizationPassword: auth?.password,
      transportOptions: { server, connectionTimeout: 5, keepAliveInterval: 25 },
      logBuiltinEnabled: false,
      logLevel: 'warn',
      logConnector: (level: LogLevel, category: string, _label: string | undefined, content: string) => {
        if (level === 'error') console.error(`vc-phone [${category}] ${redact(content)}`);
        else if (level === 'warn') console.warn(`vc-phone [${category}] ${redact(content)}`);
      },
      userAgentString: 'vc-phone (sip.js)',
      sessionDescriptionHandlerFactory: this.descriptionHandlerFactory(),
      sessionDescriptionHandlerFactoryOptions: {
        // Default bundle policy: SIP media relays answer without a BUNDLE group, which max-bundle refuses.
        peerConnectionConfiguration: { iceServers },
        // Without STUN/TURN gathering ends within milliseconds; the cap only matters with slow servers.
        iceGatheringTimeout: 1000,
      },
      delegate: {
        onConnect: () => {
          this.reconnectAttempt = 0;
          this.host.connectionChanged('connected');
          this.hangUpCutOffCalls();
        },
        onDisconnect: (error?: Error) => this.onDisconnect(error),
      },
    });
  }

  connect(): Promise<void> {
    this.wantConnected = true;
    if (this.ua.isConnected()) return Promise.resolve();
    if (!this.starting) {
      this.host.connectionChanged(this.reconnectAttempt ? 'reconnecting' : 'connecting');
      const attempt = this.ua.state === UserAgentState.Started ? this.ua.reconnect() : this.ua.start();
      this.starting = attempt.finally(() => (this.starting = undefined));
      this.starting.catch(() => {
        if (!this.ua.isConnected()) this.scheduleReconnect('The SIP server could not be reached.');
      });
    }
    return this.starting.catch(() => {
      throw new Error('The SIP server could not be reached. Check the network or try again.');
    });
  }

  async prewarm(): Promise<void> {
    void this.warmCertificate();
    const connecting = this.connect().catch(() => undefined);
    const permission = await navigator.permissions?.query({ name: 'microphone' }).catch(() => undefined);
    // Only warm the microphone when it won't prompt: a permission prompt belongs to the Call click.
    if (permission?.state === 'granted') await this.getMicrophone().catch(() => undefined);
    await connecting;
  }

  placeCall(request: OutboundRequest, listener: SessionListener): OutboundSession {
    const session = new SipSession(this, request, listener);
    this.sessions.add(session);
    void session.start();
    return session;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.wantConnected = false;
    clearTimeout(this.reconnectTimer);
    this.cutOff.clear();
    for (const session of this.sessions) session.hangup();
    this.releaseMicrophone();
    await this.ua.stop().catch(() => undefined);
    this.host.connectionChanged('disconnected');
  }

  get iceServers(): RTCIceServer[] {
    return this.host.config.iceServers;
  }

  get userAgent(): UserAgent {
    return this.ua;
  }

  /** The shared microphone stream (asked once; each call gets its own clone of the track). */
  getMicrophone(): Promise<MediaStream> {
    clearTimeout(this.microphoneIdleTimer);
    if (!this.microphone) {
      if (!navigator.mediaDevices?.getUserMedia) return Promise.reject(new MicrophoneError('insecure-context'));
      this.microphone = navigator.mediaDevices.getUserMedia({ audio: true, video: false }).catch((error: unknown) => {
        this.microphone = undefined;
        throw classifyMediaError(error);
      });
      void this.microphone.then((stream) => {
        // A microphone unplugged mid-session: ask again next time.
        stream.getAudioTracks().forEach((track) => track.addEventListener('ended', () => (this.microphone = undefined)));
      }, () => undefined);
    }
    this.releaseMicrophoneWhenIdle();
    return this.microphone;
  }

  /** Remembers a call cut by the lost connection, so the far end is told once it is back. */
  hangUpWhenReconnected(inviter: Inviter): void {
    this.cutOff.add(inviter);
  }

  private hangUpCutOffCalls(): void {
    for (const inviter of this.cutOff) {
      if (inviter.state === SessionState.Established) inviter.bye().catch(() => undefined);
      else if (inviter.state === SessionState.Initial || inviter.state === SessionState.Establishing) inviter.cancel().catch(() => undefined);
    }
    this.cutOff.clear();
  }

  sessionEnded(session: SipSession): void {
    this.sessions.delete(session);
    this.releaseMicrophoneWhenIdle();
  }

  /** Certificate generation is part of a first call's delay; do it ahead (one per engine). */
  warmCertificate(): Promise<RTCCertificate | undefined> {
    this.certificate ??= RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' } as AlgorithmIdentifier).then(
      (certificate) => (this.readyCertificate = certificate),
      () => undefined,
    );
    return this.certificate;
  }

  /** sip.js's factory, with each call's microphone clone and the pre-generated DTLS certificate. */
  private descriptionHandlerFactory(): SessionDescriptionHandlerFactory {
    const base = Web.defaultSessionDescriptionHandlerFactory(() => this.callMicrophone());
    return (session, options?: Web.SessionDescriptionHandlerFactoryOptions) => {
      const certificate = this.readyCertificate;
      if (!certificate || certificate.expires < Date.now()) return base(session, options);
      return base(session, {
        ...options,
        peerConnectionConfiguration: { ...options?.peerConnectionConfiguration, certificates: [certificate] },
      });
    };
  }

  private async callMicrophone(): Promise<MediaStream> {
    const stream = await this.getMicrophone();
    // A clone per call: muting or ending one call never touches another's microphone.
    return new MediaStream(stream.getAudioTracks().map((track) => track.clone()));
  }

  private releaseMicrophoneWhenIdle(): void {
    clearTimeout(this.microphoneIdleTimer);
    if (this.sessions.size > 0) return;
    this.microphoneIdleTimer = setTimeout(() => this.releaseMicrophone(), MICROPHONE_IDLE_MS);
  }

  private releaseMicrophone(): void {
    clearTimeout(this.microphoneIdleTimer);
    const microphone = this.microphone;
    this.microphone = undefined;
    void microphone?.then((stream) => stream.getTracks().forEach((track) => track.stop()), () => undefined);
  }

  private onDisconnect(error?: Error): void {
    // Calls can't survive their signalling connection: end them now, with the reason, rather
    // than leave a box that says "connected" while nothing can reach the far end any more.
    for (const session of [...this.sessions]) session.transportLost();
    if (this.disposed || !this.wantConnected) {
      this.host.connectionChanged('disconnected');
      return;
    }
    if (error) this.scheduleReconnect('The connection to the SIP server was lost. Reconnecting…');
    else this.host.connectionChanged('disconnected');
  }

  private scheduleReconnect(message: string): void {
    if (this.disposed || this.reconnectTimer !== undefined) return;
    const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** this.reconnectAttempt) * (0.8 + Math.random() * 0.4);
    this.reconnectAttempt += 1;
    this.host.connectionChanged('reconnecting', message);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect().catch(() => undefined);
    }, delay);
  }
}

/** One outbound call over sip.js. */
class SipSession implements OutboundSession {
  private inviter: Inviter | undefined;
  private hangupRequested = false;
  private microphoneEnabled = true;
  private finished = false;
  private finalStatus: number | undefined;
  private accepted = false;
  private established = false;
  private endedBy: 'local' | 'remote' | undefined;
  private readonly infoQueue: DtmfQueue;
  private remoteAudio: HTMLAudioElement | undefined;

  constructor(
    private readonly engine: SipEngine,
    private readonly request: OutboundRequest,
    private readonly listener: SessionListener,
  ) {
    this.infoQueue = new DtmfQueue(
      (digit) => this.sendInfo(digit),
      (digit) => this.listener.dtmfSent(digit, 'info'),
    );
  }

  async start(): Promise<void> {
    try {
      await Promise.all([this.engine.connect(), this.engine.getMicrophone(), this.engine.warmCertificate()]);
    } catch (error) {
      if (error instanceof MicrophoneError) return this.finish('system', error.reason);
      return this.finish('system', 'connection-lost', undefined, (error as Error).message);
    }
    if (this.hangupRequested) return this.finish('local', 'cancelled');

    const ua = this.engine.userAgent;
    const target = UserAgent.makeURI(this.request.uri);
    if (!target) return this.finish('system', 'error', undefined, 'The address could not be used.');
    const inviter = new Inviter(ua, target, {
      earlyMedia: true,
      extraHeaders: this.request.extraHeaders,
      params: {
        ...(this.request.fromUri ? { fromUri: this.request.fromUri } : {}),
        ...(this.request.fromDisplayName ? { fromDisplayName: this.request.fromDisplayName } : {}),
      },
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
      delegate: {
        onBye: (bye) => {
          this.endedBy = 'remote';
          void bye.accept();
        },
        onSessionDescriptionHandler: (sdh) => {
          offerOnFirstUsableCandidate(sdh as Web.SessionDescriptionHandler, this.engine.iceServers);
          const pc = (sdh as Web.SessionDescriptionHandler).peerConnection;
          pc?.addEventListener('connectionstatechange', () => {
            if (pc.connectionState === 'failed' && !this.finished) {
              this.finish('system', 'media-failed');
              this.inviter?.bye().catch(() => undefined);
            }
          });
        },
      },
    });
    this.inviter = inviter;
    inviter.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.established = true;
        this.playRemoteAudio(inviter);
        if (!this.microphoneEnabled) this.applyMicrophone();
        this.listener.answered();
      } else if (state === SessionState.Terminated) {
        // sip.js reports Terminated before it hands the final response to onReject: decide after it.
        queueMicrotask(() => this.onTerminated());
      }
    });
    try {
      await inviter.invite({
        requestDelegate: {
          onProgress: (response) => {
            const status = response.message.statusCode ?? 0;
            const earlyMedia = status === 183 && response.message.body.length > 0;
            if (earlyMedia) this.playRemoteAudio(inviter);
            this.listener.progress(status, earlyMedia);
          },
          onAccept: () => {
            this.accepted = true;
          },
          onReject: (response) => {
            this.finalStatus = response.message.statusCode;
          },
        },
      });
      this.listener.inviteSent(inviter.request.callId);
    } catch (error) {
      this.finish('system', 'error', undefined, `The call could not be started: ${(error as Error).message}`);
      return;
    }
    if (this.hangupRequested) this.hangupNow();
  }

  hangup(): void {
    this.hangupRequested = true;
    this.endedBy ??= 'local';
    this.hangupNow();
  }

  setMicrophoneEnabled(enabled: boolean): void {
    this.microphoneEnabled = enabled;
    this.applyMicrophone();
  }

  sendDtmf(digits: string): void {
    if (this.request.dtmf === 'info') return this.infoQueue.enqueue(digits);
    const sender = this.dtmfSender();
    if (!sender?.canInsertDTMF) {
      // The far end did not negotiate telephone-events: SIP INFO still gets the digits there.
      return this.infoQueue.enqueue(digits);
    }
    // Appending to the tone buffer (instead of replacing it) is what keeps fast typing lossless.
    sender.insertDTMF(sender.toneBuffer + digits, TONE_MS, TONE_GAP_MS);
  }

  async mediaStats(): Promise<MediaStats | undefined> {
    const pc = (this.inviter?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.peerConnection;
    if (!pc || this.finished) return undefined;
    const stats: MediaStats = { sent: { packets: 0, bytes: 0 }, received: { packets: 0, bytes: 0, lost: 0 } };
    (await pc.getStats()).forEach((report: Record<string, number | string | boolean | undefined>) => {
      if (report.kind !== 'audio' && report.type !== 'candidate-pair') return;
      if (report.type === 'outbound-rtp') {
        stats.sent = { packets: Number(report.packetsSent ?? 0), bytes: Number(report.bytesSent ?? 0) };
      } else if (report.type === 'inbound-rtp') {
        stats.received = {
          packets: Number(report.packetsReceived ?? 0),
          bytes: Number(report.bytesReceived ?? 0),
          lost: Number(report.packetsLost ?? 0),
          ...(report.jitter !== undefined ? { jitterMs: Number(report.jitter) * 1000 } : {}),
          ...(report.audioLevel !== undefined ? { audioLevel: Number(report.audioLevel) } : {}),
        };
      } else if (report.type === 'candidate-pair' && report.nominated && report.currentRoundTripTime !== undefined) {
        stats.roundTripMs = Number(report.currentRoundTripTime) * 1000;
      }
    });
    return stats;
  }

  transportLost(): void {
    if (this.finished) return;
    this.finish('system', 'connection-lost');
    // Stop the media now; the signalling to the far end has to wait for the connection.
    (this.inviter?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.close();
    if (this.inviter) this.engine.hangUpWhenReconnected(this.inviter);
  }

  private hangupNow(): void {
    const inviter = this.inviter;
    if (!inviter) return; // start() sees hangupRequested before anything is sent
    switch (inviter.state) {
      case SessionState.Initial:
      case SessionState.Establishing:
        inviter.cancel().catch(() => undefined);
        break;
      case SessionState.Established:
        inviter.bye().catch(() => undefined);
        break;
      default:
        break;
    }
  }

  private dtmfSender(): RTCDTMFSender | undefined {
    const pc = (this.inviter?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.peerConnection;
    const sender = pc?.getSenders().find((s) => s.track?.kind === 'audio' || s.dtmf);
    const dtmf = sender?.dtmf ?? undefined;
    if (dtmf && !dtmf.ontonechange) {
      dtmf.ontonechange = (event) => {
        if (event.tone) this.listener.dtmfSent(event.tone, 'rfc4733');
      };
    }
    return dtmf;
  }

  private sendInfo(digit: string): Promise<void> {
    const inviter = this.inviter;
    if (!inviter || inviter.state !== SessionState.Established) return Promise.reject(new Error('not connected'));
    return new Promise<void>((resolve, reject) => {
      inviter
        .info({
          requestOptions: {
            body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: `Signal=${digit}\r\nDuration=${TONE_MS * 2}\r\n` },
          },
          requestDelegate: {
            onAccept: () => resolve(),
            onReject: (response) => reject(new Error(`INFO refused (${response.message.statusCode})`)),
          },
        })
        .catch(reject);
    });
  }

  private applyMicrophone(): void {
    const sdh = this.inviter?.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined;
    sdh?.enableSenderTracks(this.microphoneEnabled);
  }

  private playRemoteAudio(inviter: Inviter): void {
    const pc = (inviter.sessionDescriptionHandler as Web.SessionDescriptionHandler | undefined)?.peerConnection;
    if (!pc || this.remoteAudio) return;
    const stream = new MediaStream();
    pc.getReceivers().forEach((receiver) => receiver.track && stream.addTrack(receiver.track));
    const audio = new Audio();
    audio.autoplay = true;
    audio.srcObject = stream;
    void audio.play().catch(() => undefined);
    this.remoteAudio = audio;
  }

  private onTerminated(): void {
    const status = this.finalStatus;
    if (this.endedBy === 'remote') return this.finish('remote', 'hangup');
    if (status !== undefined && status >= 300) {
      if (status === 487 && this.hangupRequested) return this.finish('local', 'cancelled', 487);
      return this.finish('remote', 'rejected', status);
    }
    if (this.hangupRequested) return this.finish('local', this.established ? 'hangup' : 'cancelled');
    if (this.accepted && !this.established) {
      // Answered, but the browser could not use the far end's SDP: sip.js ACKs and sends BYE.
      return this.finish('system', 'media-failed', undefined, 'The call was answered, but the audio could not be set up.');
    }
    this.finish('system', 'connection-lost');
  }

  private finish(endedBy: 'local' | 'remote' | 'system', reason: CallEndReason, sipStatus?: number, message?: string): void {
    if (this.finished) return;
    this.finished = true;
    this.infoQueue.stop();
    if (this.remoteAudio) {
      this.remoteAudio.srcObject = null;
      this.remoteAudio = undefined;
    }
    this.engine.sessionEnded(this);
    this.listener.ended(endedBy, reason, sipStatus, message);
  }
}

/** Creates the sip.js engine for a phone. */
export async function createSipEngine(host: EngineHost): Promise<TelephonyEngine> {
  return new SipEngine(host);
}

