/**
 * The shapes of call quality: one reading of a call's counters in (quality-watch.ts reads them),
 * the figures behind a warning and the end-of-call summary out. Public types (src/index.ts);
 * call-quality.ts re-exports them beside the monitor that works on them.
 */
import type { QualityWarning } from './quality-warnings.js';

/** The figures behind a warning, as they were when it was raised or cleared. */
export interface QualityFigures {
  rttMs?: number;
  jitterMs?: number;
  /** Packets lost in the last one-second sample, percent. */
  packetLossPercent?: number;
  mos?: number;
  /** How long no audio arrived (`no-audio-received`) or left (`no-audio-sent`), ms. */
  silentForMs?: number;
  /** Standard deviation of the microphone level over the last 10 s (0-1 scale). */
  inputLevelDeviation?: number;
}

/** A warning raised or cleared. */
export interface QualityChange {
  warning: QualityWarning;
  raised: boolean;
  figures: QualityFigures;
}

/** The local candidate type of the media path: direct (host), through a NAT (srflx/prflx), or a TURN relay. */
export type MediaPath = 'host' | 'srflx' | 'prflx' | 'relay';

/** A call's quality at its end (figures over the whole call). */
export interface CallQualitySummary {
  /** MOS of the one-second samples (E-model as Twilio's). */
  mos?: { min: number; avg: number };
  /** Packets lost over the whole call, percent of the packets expected. */
  packetLossPercent: number;
  packetsLost: number;
  jitterMs?: { avg: number; max: number };
  rttMs?: { avg: number; max: number };
  /** The audio codec sent, e.g. `opus`, `PCMA`. */
  codec?: string;
  /** How the media went: host, srflx/prflx or relay (the selected candidate pair's local candidate). */
  path?: MediaPath;
  bytesSent: number;
  bytesReceived: number;
  /** Every warning raised during the call. */
  warnings: QualityWarning[];
  /** How many one-second samples the figures are made of. */
  samples: number;
}

/** One reading of a call's counters (cumulative since the call's start, as getStats gives them). */
export interface QualityReading {
  /** ms (any monotonic clock). */
  at: number;
  bytesSent: number;
  bytesReceived: number;
  packetsReceived: number;
  packetsLost: number;
  /** How long before this reading the last RTP packet arrived (inbound-rtp `lastPacketReceivedTimestamp`), when known. */
  lastPacketAgoMs?: number;
  jitterMs?: number;
  rttMs?: number;
  codec?: string;
  path?: MediaPath;
  /** Microphone levels (0-1) measured since the previous reading; empty when they can't be read. */
  levels?: number[];
  /** The call is on hold (either side): no audio flows on purpose. */
  held?: boolean;
  /** The agent muted the call: a flat microphone is not raised then (as Twilio does). */
  muted?: boolean;
}
