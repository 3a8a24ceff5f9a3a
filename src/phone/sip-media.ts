/**
 * The media side of a sip.js call in the browser: the shared microphone (one permission, a clone
 * per call), the DTLS certificate made ahead, the early offer, remote audio and statistics.
 * Part of the lazily loaded engine chunk.
 * @internal
 */
import type { Web } from 'sip.js';
import { CallStartError, type EngineMedia } from './engine.js';
import { openMicrophone, playOn } from './sip-audio-choice.js';
import type { MediaStats } from './types.js';

/** A pre-warmed microphone is released after this long without a call. */
const MICROPHONE_IDLE_MS = 60_000;
/** After the first usable candidate, how long other candidates of the same kind may still join the offer. */
const EARLY_OFFER_GRACE_MS = 10;

/** The peer connection behind a sip.js session description handler (none for a stand-in handler). */
export function peerConnectionOf(sdh: unknown): RTCPeerConnection | undefined {
  return (sdh as Partial<Web.SessionDescriptionHandler> | undefined)?.peerConnection;
}

/**
 * Sends the offer as soon as it holds a usable UDP candidate, instead of waiting for the end of
 * gathering: Chrome's TCP host candidate alone costs ~110 ms, and SIP media relays never use it.
 * With STUN/TURN servers configured, the candidate that counts is the server-reflexive/relayed one.
 */
export function offerOnFirstUsableCandidate(sdh: Web.SessionDescriptionHandler, iceServers: RTCIceServer[]): void {
  const pc = peerConnectionOf(sdh);
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

/**
 * sip.js rolls back a refused re-INVITE's offer through `rollbackDescription`, which its web
 * handler does not have: the peer connection stayed in `have-local-offer` and every later
 * re-INVITE (hold, resume, refresh) failed. This gives the handler the missing rollback.
 */
export function withOfferRollback(sdh: Web.SessionDescriptionHandler): Web.SessionDescriptionHandler {
  const handler = sdh as Web.SessionDescriptionHandler & { rollbackDescription?: () => Promise<void> };
  handler.rollbackDescription ??= async () => {
    const pc = sdh.peerConnection;
    if (pc?.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
  };
  return handler;
}

/** A getUserMedia failure, in words the agent can act on. */
function microphoneFailure(error: unknown): CallStartError {
  const name = (error as { name?: string })?.name;
  if (!navigator.mediaDevices) return new CallStartError('insecure-context');
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'NotReadableError' || name === 'DevicesNotFoundError') {
    return new CallStartError('no-microphone');
  }
  return new CallStartError('microphone-denied');
}

/** One microphone stream for the engine: asked once, cloned per call, released when idle. */
export class SharedMicrophone {
  private stream: Promise<MediaStream> | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  /** `media`: the agent's choice of microphone and processing (read each time it is opened). */
  constructor(private readonly media: () => EngineMedia | undefined = () => undefined) {}

  /** The shared stream; rejects with a CallStartError saying what is wrong with the microphone. */
  get(): Promise<MediaStream> {
    clearTimeout(this.idleTimer);
    if (!this.stream) {
      if (!navigator.mediaDevices?.getUserMedia) return Promise.reject(new CallStartError('insecure-context'));
      const stream = openMicrophone(this.media()).catch((error: unknown) => {
        this.stream = undefined;
        throw microphoneFailure(error);
      });
      this.stream = stream;
      void stream.then((media) => {
        // A microphone unplugged mid-session: ask again next time.
        media.getAudioTracks().forEach((track) => track.addEventListener('ended', () => this.stream === stream && (this.stream = undefined)));
      }, () => undefined);
    }
    return this.stream;
  }

  /** A clone per call: muting or ending one call never touches another's microphone. */
  async forCall(): Promise<MediaStream> {
    const stream = await this.get();
    return new MediaStream(stream.getAudioTracks().map((track) => track.clone()));
  }

  /** Releases the microphone after a while without calls (so the browser's indicator goes off). */
  releaseWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.release(), MICROPHONE_IDLE_MS);
  }

  /** Keeps the microphone while a call needs it. */
  keep(): void {
    clearTimeout(this.idleTimer);
  }

  release(): void {
    clearTimeout(this.idleTimer);
    const stream = this.stream;
    this.stream = undefined;
    void stream?.then((media) => media.getTracks().forEach((track) => track.stop()), () => undefined);
  }
}

/** The DTLS certificate, generated ahead: it is part of a first call's delay otherwise. */
export class WarmCertificate {
  private certificate: Promise<RTCCertificate | undefined> | undefined;
  private ready: RTCCertificate | undefined;

  warm(): Promise<RTCCertificate | undefined> {
    this.certificate ??= RTCPeerConnection.generateCertificate({ name: 'ECDSA', namedCurve: 'P-256' } as AlgorithmIdentifier).then(
      (certificate) => (this.ready = certificate),
      () => undefined,
    );
    return this.certificate;
  }

  /** The certificate if it is ready and still valid. */
  get usable(): RTCCertificate | undefined {
    return this.ready && this.ready.expires > Date.now() ? this.ready : undefined;
  }
}

/** Plays the far end's audio (early media or the answered call) until stopped. */
export class RemoteAudio {
  private audio: HTMLAudioElement | undefined;

  /** `output`: the output chosen for calls (`''`: the default). */
  constructor(private readonly output: () => string = () => '') {}

  /** Plays on the output chosen now (the agent chose another). */
  useOutput(): void {
    if (this.audio) playOn(this.audio, this.output());
  }

  play(pc: RTCPeerConnection | undefined): void {
    if (!pc || this.audio) return;
    const stream = new MediaStream();
    pc.getReceivers().forEach((receiver) => receiver.track && stream.addTrack(receiver.track));
    const audio = new Audio();
    audio.autoplay = true;
    audio.srcObject = stream;
    playOn(audio, this.output());
    void audio.play().catch(() => undefined);
    this.audio = audio;
  }

  stop(): void {
    if (this.audio) this.audio.srcObject = null;
    this.audio = undefined;
  }
}

/** Packets and bytes each way, jitter, level and round trip, from getStats. */
export async function readMediaStats(pc: RTCPeerConnection): Promise<MediaStats> {
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
