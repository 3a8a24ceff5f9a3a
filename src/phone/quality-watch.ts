/**
 * Watches one answered call's media: reads getStats every 500 ms and the microphone's level every
 * 50 ms (as Twilio does), feeds the `QualityMonitor`, and reports warnings, talking-while-muted
 * and, at the end, the summary. Part of the lazily loaded engine chunk.
 * @internal
 */
import { QualityMonitor, type CallQualitySummary, type QualityChange, type QualityReading } from './call-quality.js';
import { MicrophoneLevel, TalkingWhileMuted } from './input-level.js';

const STATS_EVERY_MS = 500;
const LEVEL_EVERY_MS = 50;

export interface QualityWatchHost {
  muted(): boolean;
  held(): boolean;
  changed(change: QualityChange): void;
  talkingWhileMuted(talking: boolean): void;
}

type Report = Record<string, unknown> & { id: string; type: string };

/** The counters, figures, codec and media path of a call, from one getStats report. */
export async function readQuality(pc: RTCPeerConnection, at: number): Promise<QualityReading> {
  const stats = await pc.getStats();
  const byId = (id: unknown): Report | undefined => (typeof id === 'string' ? (stats.get(id) as Report | undefined) : undefined);
  const reading: QualityReading = { at, bytesSent: 0, bytesReceived: 0, packetsReceived: 0, packetsLost: 0 };
  let pair: Report | undefined;
  let remoteRtt: number | undefined;
  stats.forEach((report: Report) => {
    if (report.type === 'outbound-rtp' && report.kind === 'audio') {
      reading.bytesSent += Number(report.bytesSent ?? 0);
      const codec = byId(report.codecId);
      if (typeof codec?.mimeType === 'string') reading.codec = codec.mimeType.replace(/^audio\//i, '');
    } else if (report.type === 'inbound-rtp' && report.kind === 'audio') {
      reading.bytesReceived += Number(report.bytesReceived ?? 0);
      reading.packetsReceived += Number(report.packetsReceived ?? 0);
      reading.packetsLost += Math.max(0, Number(report.packetsLost ?? 0));
      if (typeof report.jitter === 'number') reading.jitterMs = report.jitter * 1000;
      if (typeof report.lastPacketReceivedTimestamp === 'number' && typeof report.timestamp === 'number') {
        reading.lastPacketAgoMs = report.timestamp - report.lastPacketReceivedTimestamp;
      }
    } else if (report.type === 'remote-inbound-rtp' && typeof report.roundTripTime === 'number' && report.roundTripTime > 0) {
      remoteRtt = report.roundTripTime * 1000;
    } else if (report.type === 'transport' && report.selectedCandidatePairId) {
      pair = byId(report.selectedCandidatePairId);
    }
  });
  // Firefox has no transport stats: its selected pair says so itself.
  pair ??= [...(stats.values() as Iterable<Report>)].find((report) => report.type === 'candidate-pair' && (report.selected === true || (report.nominated === true && report.state === 'succeeded')));
  // Twilio takes the RTCP round trip first, the ICE pair's otherwise.
  const pairRtt = typeof pair?.currentRoundTripTime === 'number' ? pair.currentRoundTripTime * 1000 : undefined;
  const rtt = remoteRtt ?? pairRtt;
  if (rtt !== undefined) reading.rttMs = rtt;
  const local = byId(pair?.localCandidateId);
  const type = local?.candidateType;
  if (type === 'host' || type === 'srflx' || type === 'prflx' || type === 'relay') reading.path = type;
  return reading;
}

export class QualityWatch {
  private readonly monitor = new QualityMonitor();
  private readonly microphone = new MicrophoneLevel();
  private readonly talking = new TalkingWhileMuted();
  private levels: number[] = [];
  private statsTimer: ReturnType<typeof setInterval> | undefined;
  private levelTimer: ReturnType<typeof setInterval> | undefined;
  private reading = false;
  private pc: RTCPeerConnection | undefined;
  private stopped = false;

  constructor(private readonly host: QualityWatchHost) {}

  /** Starts watching the answered call's peer connection (once). */
  start(pc: RTCPeerConnection | undefined): void {
    if (!pc || this.pc || this.stopped) return;
    this.pc = pc;
    this.followMicrophone();
    this.levelTimer = setInterval(() => this.sampleLevel(), LEVEL_EVERY_MS);
    this.statsTimer = setInterval(() => void this.poll(), STATS_EVERY_MS);
  }

  /** The microphone's level for a meter (0-1), undefined when it can't be measured. */
  inputLevel(): number | undefined {
    return this.pc && !this.stopped ? this.microphone.level() : undefined;
  }

  /** Stops everything; the summary of the call's quality when it was watched. */
  stop(): CallQualitySummary | undefined {
    if (this.stopped) return undefined;
    this.stopped = true;
    clearInterval(this.statsTimer);
    clearInterval(this.levelTimer);
    this.microphone.stop();
    if (this.talking.talking) this.host.talkingWhileMuted(false);
    return this.pc ? this.monitor.summary() : undefined;
  }

  /** The track the call sends (another one after a microphone switch). */
  private followMicrophone(): void {
    const sender = this.pc?.getSenders().find((s) => s.track?.kind === 'audio');
    this.microphone.follow(sender?.track ?? undefined);
  }

  private sampleLevel(): void {
    const raw = this.microphone.rawLevel();
    if (raw !== undefined) this.levels.push(raw);
    if (this.talking.update(this.microphone.speechLevel(), this.host.muted(), performance.now())) this.host.talkingWhileMuted(this.talking.talking);
  }

  private async poll(): Promise<void> {
    const pc = this.pc;
    if (!pc || this.reading || this.stopped) return;
    this.reading = true;
    try {
      this.followMicrophone();
      const reading = await readQuality(pc, performance.now());
      if (this.stopped) return;
      reading.levels = this.levels;
      reading.held = this.host.held();
      reading.muted = this.host.muted();
      this.levels = [];
      for (const change of this.monitor.add(reading)) this.host.changed(change);
    } catch {
      // A closed connection has no stats: the call is ending.
    } finally {
      this.reading = false;
    }
  }
}
