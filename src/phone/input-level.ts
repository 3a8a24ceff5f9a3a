/**
 * The microphone's level while a call is live, measured on a clone of the track the call sends
 * (a muted call's track is disabled and reads as silence; the clone stays enabled, so talking
 * while muted shows). Levels as Twilio measures them (an analyser's average frequency magnitude,
 * 0-1): one for a meter (-100 to -30 dB, smoothed), one unsmoothed over -127 to 0 dB for the
 * silent-microphone rule. Nothing is sent anywhere; the clone and the audio graph are released
 * by `stop()`.
 * @internal
 */

/** Microphone RMS (full scale 1) above this while muted counts as talking: -40 dBFS, well above room noise. */
export const TALKING_RMS = 0.01;
/** "You're muted" shows after this much talking while muted (pauses under 250 ms are part of it), and goes after this much quiet. */
const TALKING_AFTER_MS = 300;
const PAUSE_MS = 250;
const QUIET_AFTER_MS = 1500;

function averageOf(data: Uint8Array): number {
  let sum = 0;
  for (const value of data) sum += value;
  return data.length ? sum / data.length / 255 : 0;
}

export class MicrophoneLevel {
  private context: AudioContext | undefined;
  private clone: MediaStreamTrack | undefined;
  private source: MediaStreamAudioSourceNode | undefined;
  private meter: AnalyserNode | undefined;
  private probe: AnalyserNode | undefined;
  private wave: AnalyserNode | undefined;
  private readonly waveData = new Float32Array(2048);
  private readonly meterData = new Uint8Array(16);
  private readonly probeData = new Uint8Array(16);
  /** The track measured (the one the call sends). */
  track: MediaStreamTrack | undefined;

  /** Measures `track` from now on (a clone of it; the track itself is left alone). */
  follow(track: MediaStreamTrack | undefined): void {
    if (track === this.track) return;
    this.track = track;
    this.source?.disconnect();
    this.clone?.stop();
    this.source = this.clone = undefined;
    if (!track || typeof AudioContext === 'undefined') return;
    try {
      this.context ??= new AudioContext();
      if (this.context.state === 'suspended') void this.context.resume().catch(() => undefined);
      this.meter ??= this.analyser(-100, -30, 0.3);
      this.probe ??= this.analyser(-127, 0, 0);
      if (!this.wave) {
        this.wave = this.context.createAnalyser();
        this.wave.fftSize = this.waveData.length;
      }
      const clone = track.clone();
      clone.enabled = true;
      this.clone = clone;
      this.source = this.context.createMediaStreamSource(new MediaStream([clone]));
      this.source.connect(this.meter);
      this.source.connect(this.probe);
      this.source.connect(this.wave);
    } catch {
      this.stop();
    }
  }

  /** 0-1 for a meter; `undefined` when it can't be measured (no audio graph, or not running). */
  level(): number | undefined {
    if (!this.meter || !this.source || this.context?.state !== 'running') return undefined;
    this.meter.getByteFrequencyData(this.meterData);
    return averageOf(this.meterData);
  }

  /** 0-1 over -127..0 dB, unsmoothed (what the silent-microphone rule looks at). */
  rawLevel(): number | undefined {
    // A browser that blocked audio until the page is used (Firefox's autoplay policy): try again.
    if (this.context?.state === 'suspended' && this.source) void this.context.resume().catch(() => undefined);
    if (!this.probe || !this.source || this.context?.state !== 'running') return undefined;
    this.probe.getByteFrequencyData(this.probeData);
    return averageOf(this.probeData);
  }

  /** RMS of the last ~43 ms of the signal (full scale 1): what tells speech from silence. */
  speechLevel(): number | undefined {
    if (!this.wave || !this.source || this.context?.state !== 'running') return undefined;
    this.wave.getFloatTimeDomainData(this.waveData);
    let sum = 0;
    for (const sample of this.waveData) sum += sample * sample;
    return Math.sqrt(sum / this.waveData.length);
  }

  stop(): void {
    this.source?.disconnect();
    this.clone?.stop();
    void this.context?.close().catch(() => undefined);
    this.context = this.source = this.clone = this.meter = this.probe = this.wave = this.track = undefined;
  }

  private analyser(minDecibels: number, maxDecibels: number, smoothing: number): AnalyserNode {
    const analyser = (this.context as AudioContext).createAnalyser();
    analyser.fftSize = 32;
    analyser.minDecibels = minDecibels;
    analyser.maxDecibels = maxDecibels;
    analyser.smoothingTimeConstant = smoothing;
    return analyser;
  }
}

/** Decides when the agent is talking while muted, from the microphone's RMS over time (no flicker). */
export class TalkingWhileMuted {
  private loudSince: number | undefined;
  private lastLoudAt: number | undefined;
  talking = false;

  /** Returns true when `talking` changed. */
  update(rms: number | undefined, muted: boolean, at: number): boolean {
    const was = this.talking;
    if (!muted || rms === undefined) {
      this.loudSince = this.lastLoudAt = undefined;
      this.talking = false;
    } else if (rms > TALKING_RMS) {
      this.lastLoudAt = at;
      this.loudSince ??= at;
      if (at - this.loudSince >= TALKING_AFTER_MS) this.talking = true;
    } else {
      const quietFor = at - (this.lastLoudAt ?? at);
      if (quietFor > PAUSE_MS) this.loudSince = undefined;
      if (this.lastLoudAt === undefined || quietFor >= QUIET_AFTER_MS) this.talking = false;
    }
    return was !== this.talking;
  }
}
