/**
 * A local ringback tone, generated with Web Audio: the cadence's frequencies summed, switched on
 * and off by a looping envelope (an AudioBuffer of one period driving a gain), so the cadence
 * needs no timer. Quiet by default. Stopping silences it in the audio thread's next render
 * quantum and releases the AudioContext.
 * @internal
 */
import { cadencePeriod, toneOnAt, type RingbackCadence } from './ringback-cadence.js';

/** Peak level of the tone (0..1): a quiet hint, not an alarm. */
const DEFAULT_LEVEL = 0.08;
/** Sample rate of the envelope buffer (resampled by the context; a smooth edge avoids clicks). */
const ENVELOPE_RATE = 8000;

export class RingbackTone {
  private context: AudioContext | undefined;
  private oscillators: OscillatorNode[] = [];
  private envelope: AudioBufferSourceNode | undefined;
  private output: GainNode | undefined;

  constructor(
    readonly cadence: RingbackCadence,
    private readonly level = DEFAULT_LEVEL,
    private readonly makeContext: () => AudioContext = () => new AudioContext(),
  ) {}

  /** The tone is sounding (started and not stopped). */
  get playing(): boolean {
    return this.context !== undefined;
  }

  start(): void {
    if (this.context) return;
    let context: AudioContext;
    try {
      context = this.makeContext();
    } catch {
      return; // No Web Audio here: no local tone (the call itself is unaffected).
    }
    this.context = context;
    const output = context.createGain();
    output.gain.value = this.level / this.cadence.frequencies.length;
    output.connect(context.destination);
    const gate = context.createGain();
    gate.gain.value = 0;
    gate.connect(output);
    const length = Math.round(cadencePeriod(this.cadence) * ENVELOPE_RATE);
    const buffer = context.createBuffer(1, length, ENVELOPE_RATE);
    const samples = buffer.getChannelData(0);
    for (let i = 0; i < length; i++) samples[i] = toneOnAt(this.cadence, i / ENVELOPE_RATE) ? 1 : 0;
    const envelope = context.createBufferSource();
    envelope.buffer = buffer;
    envelope.loop = true;
    envelope.connect(gate.gain);
    this.oscillators = this.cadence.frequencies.map((frequency) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gate);
      return oscillator;
    });
    const at = context.currentTime;
    envelope.start(at);
    this.oscillators.forEach((oscillator) => oscillator.start(at));
    this.envelope = envelope;
    this.output = output;
    // Created outside a click (a 180 arrives later), the context may start suspended.
    if (context.state === 'suspended') void context.resume().catch(() => undefined);
  }

  /** Silences the tone at once and releases the audio device. Safe to call more than once. */
  stop(): void {
    const context = this.context;
    if (!context) return;
    this.context = undefined;
    this.output?.gain.setValueAtTime(0, context.currentTime);
    this.oscillators.forEach((oscillator) => oscillator.stop());
    this.envelope?.stop();
    this.oscillators = [];
    this.envelope = undefined;
    this.output = undefined;
    // (An OfflineAudioContext, in tests, has no close.)
    void context.close?.().catch(() => undefined);
  }
}
