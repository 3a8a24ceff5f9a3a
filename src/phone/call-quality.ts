/**
 * Call quality in figures and warnings: fed one reading of the call's statistics at a time
 * (getStats counters, the microphone's levels since the last reading), it raises and clears
 * warnings with Twilio's published rules (twilio-voice.js `statsMonitor.ts`) and keeps what the
 * end-of-call summary needs. No timers and no WebRTC here: `quality-watch.ts` does the polling.
 *
 * Rules (thresholds no looser than Twilio's; MOS stricter: 3.5 instead of 3):
 * - high-rtt / high-jitter / low-mos: 3 of the last 5 one-second samples above 400 ms / above
 *   30 ms / below 3.5; cleared when none of the last 5 is.
 * - high-packet-loss: 3 of the last 5 samples lose more than 1 %, or the last 7 average more
 *   than 3 % (cleared once the average is 1 % or less and the first rule is clear too).
 * - A raised rtt/jitter/MOS/loss/microphone warning stays at least 5 s (Twilio's hold-down).
 * - no-audio-received / no-audio-sent: no RTP byte arrived / left for 3 s (measured on each
 *   reading, from the last packet's arrival time where getStats gives it, not per one-second
 *   sample, so the warning comes within 3.5 s); cleared by the first byte. Not while the call is
 *   on hold (either side), where no audio flows on purpose.
 * - silent-microphone: the microphone's level (Twilio's scale, 0-1) has a standard deviation
 *   below 1 % of full scale over the last 10 one-second samples (not raised while muted, as Twilio).
 * @internal
 */
import { mosOf } from './mos.js';
import { QUALITY_WARNINGS, type QualityWarning } from './quality-warnings.js';
import type { CallQualitySummary, QualityChange, QualityFigures, QualityReading } from './call-quality-types.js';

export { QUALITY_WARNINGS, type QualityWarning };
export type * from './call-quality-types.js';

interface Sample {
  at: number;
  rttMs?: number;
  jitterMs?: number;
  lossPercent: number;
  mos?: number;
  levels: number[];
}

export const QUALITY_THRESHOLDS = {
  rttMs: 400,
  jitterMs: 30,
  lossPercent: 1,
  lossAveragePercent: 3,
  lossAverageSamples: 7,
  mos: 3.5,
  noMediaMs: 3000,
  levelDeviation: 0.01,
  levelSamples: 10,
} as const;

/** Twilio: 5 samples per metric, 3 of them to raise, 0 to clear, 5 s before a warning may clear. */
const METRIC_SAMPLES = 5;
const RAISE_COUNT = 3;
const HOLD_DOWN_MS = 5000;
/** A one-second sample is taken from a reading at least this long after the previous one. */
const SAMPLE_EVERY_MS = 950;

type Rule = 'rtt' | 'jitter' | 'mos' | 'loss' | 'loss-average' | 'level' | 'no-rx' | 'no-tx';
const RULE_WARNING: Record<Rule, QualityWarning> = {
  rtt: 'high-rtt',
  jitter: 'high-jitter',
  mos: 'low-mos',
  loss: 'high-packet-loss',
  'loss-average': 'high-packet-loss',
  level: 'silent-microphone',
  'no-rx': 'no-audio-received',
  'no-tx': 'no-audio-sent',
};

function average(values: number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function deviation(values: number[]): number {
  const mean = average(values);
  return Math.sqrt(average(values.map((value) => (value - mean) ** 2)));
}

const round = (value: number, digits = 2): number => Math.round(value * 10 ** digits) / 10 ** digits;

export class QualityMonitor {
  private readonly samples: Sample[] = [];
  private readonly raised = new Map<Rule, number>();
  private readonly everRaised = new Set<QualityWarning>();
  private readonly allMos: number[] = [];
  private readonly allJitter: number[] = [];
  private readonly allRtt: number[] = [];
  private pendingLevels: number[] = [];
  private last: QualityReading | undefined;
  private lastSampled: QualityReading | undefined;
  private lastRxAt: number | undefined;
  private lastTxAt: number | undefined;
  private deviationNow: number | undefined;
  private sampleCount = 0;

  /** Takes one reading; returns the warnings it raised or cleared. */
  add(reading: QualityReading): QualityChange[] {
    const before = this.activeWarnings();
    this.pendingLevels.push(...(reading.levels ?? []));
    this.checkMediaFlow(reading);
    // The first reading is the base the first one-second sample is measured from.
    if (!this.lastSampled) this.lastSampled = reading;
    else if (reading.at - this.lastSampled.at >= SAMPLE_EVERY_MS) this.sample(reading);
    this.last = reading;
    const after = this.activeWarnings();
    const figures = this.figures(reading);
    const changes: QualityChange[] = [];
    for (const warning of QUALITY_WARNINGS) {
      if (before.has(warning) !== after.has(warning)) changes.push({ warning, raised: after.has(warning), figures });
    }
    return changes;
  }

  /** The warnings raised now. */
  activeWarnings(): Set<QualityWarning> {
    return new Set([...this.raised.keys()].map((rule) => RULE_WARNING[rule]));
  }

  /** The figures of the whole call so far. */
  summary(): CallQualitySummary {
    const last = this.last;
    const expected = (last?.packetsReceived ?? 0) + (last?.packetsLost ?? 0);
    const summary: CallQualitySummary = {
      packetLossPercent: expected > 0 ? round(((last?.packetsLost ?? 0) / expected) * 100) : 0,
      packetsLost: last?.packetsLost ?? 0,
      bytesSent: last?.bytesSent ?? 0,
      bytesReceived: last?.bytesReceived ?? 0,
      warnings: QUALITY_WARNINGS.filter((warning) => this.everRaised.has(warning)),
      samples: this.sampleCount,
    };
    if (this.allMos.length) summary.mos = { min: round(Math.min(...this.allMos)), avg: round(average(this.allMos)) };
    if (this.allJitter.length) summary.jitterMs = { avg: round(average(this.allJitter), 1), max: round(Math.max(...this.allJitter), 1) };
    if (this.allRtt.length) summary.rttMs = { avg: round(average(this.allRtt), 1), max: round(Math.max(...this.allRtt), 1) };
    if (last?.codec) summary.codec = last.codec;
    if (last?.path) summary.path = last.path;
    return summary;
  }

  /** No byte in or out for 3 s (unless on hold). */
  private checkMediaFlow(reading: QualityReading): void {
    const previous = this.last;
    if (reading.held || !previous) {
      this.lastRxAt = this.lastTxAt = reading.at;
      if (reading.held) {
        this.raised.delete('no-rx');
        this.raised.delete('no-tx');
      }
      return;
    }
    if (reading.bytesReceived > previous.bytesReceived) {
      // When the last packet arrived (getStats says so): within this reading's interval, or at its end.
      const gap = Math.min(Math.max(reading.lastPacketAgoMs ?? 0, 0), reading.at - previous.at);
      this.lastRxAt = reading.at - gap;
    }
    if (reading.bytesSent > previous.bytesSent) this.lastTxAt = reading.at;
    this.flow('no-rx', reading.at - (this.lastRxAt ?? reading.at), reading.at);
    this.flow('no-tx', reading.at - (this.lastTxAt ?? reading.at), reading.at);
  }

  private flow(rule: 'no-rx' | 'no-tx', silentForMs: number, at: number): void {
    if (silentForMs >= QUALITY_THRESHOLDS.noMediaMs) {
      if (!this.raised.has(rule)) this.raise(rule, at);
    } else if (silentForMs === 0) {
      this.raised.delete(rule);
    }
  }

  /** A one-second sample, Twilio's way: deltas against the previous sample. */
  private sample(reading: QualityReading): void {
    const previous = this.lastSampled as QualityReading;
    this.lastSampled = reading;
    const lost = reading.packetsLost - previous.packetsLost;
    const inbound = reading.packetsReceived - previous.packetsReceived + lost;
    const lossPercent = inbound > 0 ? (Math.max(lost, 0) / inbound) * 100 : 0;
    const rttMs = reading.rttMs ?? this.samples.at(-1)?.rttMs;
    const mos = mosOf(rttMs, reading.jitterMs, lossPercent);
    const sample: Sample = { at: reading.at, rttMs, jitterMs: reading.jitterMs, lossPercent, mos, levels: this.pendingLevels };
    this.pendingLevels = [];
    this.samples.push(sample);
    this.sampleCount += 1;
    if (this.samples.length > QUALITY_THRESHOLDS.levelSamples) this.samples.shift();
    if (mos !== undefined) this.allMos.push(mos);
    if (reading.jitterMs !== undefined) this.allJitter.push(reading.jitterMs);
    if (rttMs !== undefined && reading.rttMs !== undefined) this.allRtt.push(rttMs);
    this.countRule('rtt', (s) => s.rttMs, (v) => v > QUALITY_THRESHOLDS.rttMs, reading.at);
    this.countRule('jitter', (s) => s.jitterMs, (v) => v > QUALITY_THRESHOLDS.jitterMs, reading.at);
    this.countRule('mos', (s) => s.mos, (v) => v < QUALITY_THRESHOLDS.mos, reading.at);
    this.countRule('loss', (s) => s.lossPercent, (v) => v > QUALITY_THRESHOLDS.lossPercent, reading.at);
    this.lossAverage(reading.at);
    this.levelRule(reading.at, reading.muted === true);
  }

  /** Raise when 3 of the last 5 values are bad, clear when none is; bail out on a missing value. */
  private countRule(rule: Rule, value: (sample: Sample) => number | undefined, bad: (value: number) => boolean, at: number): void {
    const values = this.samples.slice(-METRIC_SAMPLES).map(value);
    if (values.some((v) => v === undefined)) return;
    const count = (values as number[]).filter(bad).length;
    if (count >= RAISE_COUNT) this.raise(rule, at);
    else if (count === 0) this.clear(rule, at);
  }

  private lossAverage(at: number): void {
    const window = this.samples.slice(-QUALITY_THRESHOLDS.lossAverageSamples);
    if (window.length < QUALITY_THRESHOLDS.lossAverageSamples) return;
    const mean = average(window.map((s) => s.lossPercent));
    if (mean > QUALITY_THRESHOLDS.lossAveragePercent) this.raise('loss-average', at);
    else if (mean <= QUALITY_THRESHOLDS.lossPercent) this.clear('loss-average', at);
  }

  private levelRule(at: number, muted: boolean): void {
    const window = this.samples.slice(-QUALITY_THRESHOLDS.levelSamples);
    if (window.length < QUALITY_THRESHOLDS.levelSamples || window.some((s) => s.levels.length === 0)) {
      this.deviationNow = undefined;
      return;
    }
    this.deviationNow = deviation(window.flatMap((s) => s.levels));
    if (this.deviationNow < QUALITY_THRESHOLDS.levelDeviation) {
      if (!muted) this.raise('level', at);
    } else {
      this.clear('level', at);
    }
  }

  private raise(rule: Rule, at: number): void {
    if (this.raised.has(rule)) return;
    this.raised.set(rule, at);
    this.everRaised.add(RULE_WARNING[rule]);
  }

  private clear(rule: Rule, at: number): void {
    const since = this.raised.get(rule);
    if (since !== undefined && at - since >= HOLD_DOWN_MS) this.raised.delete(rule);
  }

  private figures(reading: QualityReading): QualityFigures {
    const sample = this.samples.at(-1);
    const figures: QualityFigures = {};
    if (sample?.rttMs !== undefined) figures.rttMs = round(sample.rttMs, 1);
    if (sample?.jitterMs !== undefined) figures.jitterMs = round(sample.jitterMs, 1);
    if (sample) figures.packetLossPercent = round(sample.lossPercent);
    if (sample?.mos !== undefined) figures.mos = round(sample.mos);
    const silentFor = Math.max(reading.at - (this.lastRxAt ?? reading.at), reading.at - (this.lastTxAt ?? reading.at));
    if (silentFor > 0) figures.silentForMs = Math.round(silentFor);
    if (this.deviationNow !== undefined) figures.inputLevelDeviation = round(this.deviationNow, 4);
    return figures;
  }
}
