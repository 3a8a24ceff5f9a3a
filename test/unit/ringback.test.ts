import { expect } from '@open-wc/testing';
import { until } from '../support/until.js';
import { cadencePeriod, ringbackCadenceFor, toneOnAt } from '../../src/phone/ringback-cadence.js';
import { RingbackTone } from '../../src/phone/ringback-tone.js';

/** RMS of the samples between two times (s). */
function rms(samples: Float32Array, rate: number, from: number, to: number): number {
  let sum = 0;
  const start = Math.round(from * rate);
  const end = Math.round(to * rate);
  for (let i = start; i < end; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / (end - start));
}

/** Strength of one frequency in a stretch of samples (Goertzel). */
function strength(samples: Float32Array, rate: number, frequency: number, from: number, to: number): number {
  const start = Math.round(from * rate);
  const n = Math.round(to * rate) - start;
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = samples[start + i] + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  return Math.sqrt(s1 * s1 + s2 * s2 - coefficient * s1 * s2) / n;
}

/** Renders `seconds` of the tone offline (no audio device, exact timing). */
async function render(country: string | undefined, seconds: number): Promise<{ samples: Float32Array; rate: number }> {
  const rate = 16000;
  const offline = new OfflineAudioContext(1, seconds * rate, rate);
  const tone = new RingbackTone(ringbackCadenceFor(country), 0.08, () => offline as unknown as AudioContext);
  tone.start();
  const buffer = await offline.startRendering();
  return { samples: buffer.getChannelData(0), rate };
}

describe('ringback cadence by the dialled number\'s country', () => {
  it('UK and its neighbours: 400+450 Hz, 0.4 on 0.2 off 0.4 on 2 off', () => {
    for (const country of ['GB', 'IE', 'AU', 'gb']) {
      const cadence = ringbackCadenceFor(country);
      expect(cadence.region, country).to.equal('uk');
      expect(cadence.frequencies).to.deep.equal([400, 450]);
      expect(cadence.pattern).to.deep.equal([0.4, 0.2, 0.4, 2]);
    }
  });

  it('North America (+1): 440+480 Hz, 2 on 4 off', () => {
    for (const country of ['US', 'CA', 'JM']) {
      const cadence = ringbackCadenceFor(country);
      expect(cadence.region, country).to.equal('north-america');
      expect(cadence.frequencies).to.deep.equal([440, 480]);
      expect(cadence.pattern).to.deep.equal([2, 4]);
    }
  });

  it('CEPT Europe, and any country without an entry or an unknown one: 425 Hz, 1 on 4 off', () => {
    for (const country of ['DE', 'IT', 'ES', 'NL', 'ZZ', undefined]) {
      const cadence = ringbackCadenceFor(country);
      expect(cadence.region, String(country)).to.equal('cept');
      expect(cadence.frequencies).to.deep.equal([425]);
      expect(cadence.pattern).to.deep.equal([1, 4]);
    }
    expect(ringbackCadenceFor('FR').region).to.equal('france');
    expect(ringbackCadenceFor('JP').region).to.equal('japan');
  });

  it('knows when the tone sounds within the repeating period', () => {
    const uk = ringbackCadenceFor('GB');
    expect(cadencePeriod(uk)).to.be.closeTo(3, 1e-9);
    expect([0.1, 0.3, 0.5, 0.7, 1.1, 2.9, 3.1].map((t) => toneOnAt(uk, t))).to.deep.equal([true, true, false, true, false, false, true]);
  });
});

describe('RingbackTone (Web Audio, rendered offline)', () => {
  it('plays the UK double ring: the two frequencies, on and off in cadence', async () => {
    const { samples, rate } = await render('GB', 3.5);
    expect(rms(samples, rate, 0.05, 0.35)).to.be.above(0.02);
    expect(rms(samples, rate, 0.45, 0.55)).to.be.below(0.001);
    expect(rms(samples, rate, 0.65, 0.95)).to.be.above(0.02);
    expect(rms(samples, rate, 1.1, 2.9)).to.be.below(0.001);
    expect(rms(samples, rate, 3.05, 3.35), 'the pattern repeats').to.be.above(0.02);
    // Quiet: a hint, not an alarm.
    expect(Math.max(...samples.subarray(0, rate))).to.be.at.most(0.09);
    const at = (f: number) => strength(samples, rate, f, 0.05, 0.35);
    expect(at(400)).to.be.above(at(425) * 3);
    expect(at(450)).to.be.above(at(425) * 3);
  });

  it('plays the North American tone, 440+480 Hz for 2 s, then 4 s of silence', async () => {
    const { samples, rate } = await render('US', 3);
    expect(rms(samples, rate, 0.1, 1.9)).to.be.above(0.02);
    expect(rms(samples, rate, 2.1, 2.9)).to.be.below(0.001);
    const at = (f: number) => strength(samples, rate, f, 0.1, 1.9);
    expect(at(440)).to.be.above(at(400) * 3);
    expect(at(480)).to.be.above(at(400) * 3);
  });

  it('CEPT: 425 Hz, 1 s on', async () => {
    const { samples, rate } = await render('DE', 1.5);
    const at = (f: number) => strength(samples, rate, f, 0.1, 0.9);
    expect(at(425)).to.be.above(at(400) * 3);
    expect(rms(samples, rate, 1.1, 1.5)).to.be.below(0.001);
  });

  it('stop() stops its oscillators and releases the context; a second stop does nothing', async () => {
    const context = new AudioContext();
    const tone = new RingbackTone(ringbackCadenceFor('GB'), 0.08, () => context);
    tone.start();
    expect(tone.playing).to.equal(true);
    tone.stop();
    tone.stop();
    expect(tone.playing).to.equal(false);
    // close() settles later (on a loaded machine, well after 50 ms): wait for it, with a deadline.
    await until(() => context.state === 'closed', 'the context closed');
  });
});
