// Tones for the far ends and their detection in recordings: a G.711 mu-law tone file that sipp
// streams (`exec rtp_stream`, raw codec bytes), and a Goertzel detector over baresip's WAVs.
import fs from 'node:fs';

/** G.711 mu-law encoding of one 16-bit sample. */
function muLaw(sample) {
  const BIAS = 0x84;
  const sign = sample < 0 ? 0x80 : 0;
  let magnitude = Math.min(Math.abs(sample), 32635) + BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (magnitude & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (magnitude >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** `seconds` of a sine at `frequency` (a whole number of Hz loops seamlessly per second), 8 kHz mu-law bytes. */
export function muLawTone(frequency, seconds = 1, amplitude = 0.35) {
  const rate = 8000;
  const bytes = Buffer.alloc(rate * seconds);
  for (let i = 0; i < bytes.length; i++) bytes[i] = muLaw(Math.round(amplitude * 32767 * Math.sin((2 * Math.PI * frequency * i) / rate)));
  return bytes;
}

/** The samples of a 16-bit PCM WAV (baresip's recordings), as numbers in -1..1. */
export function readWav(file) {
  const buf = fs.readFileSync(file);
  let rate = 8000;
  for (let p = 12; p + 8 <= buf.length; ) {
    const id = buf.toString('ascii', p, p + 4);
    const len = buf.readUInt32LE(p + 4);
    if (id === 'fmt ') rate = buf.readUInt32LE(p + 12);
    if (id === 'data') {
      const end = len === 0 || p + 8 + len > buf.length ? buf.length : p + 8 + len;
      const samples = new Float32Array(Math.floor((end - p - 8) / 2));
      for (let i = 0; i < samples.length; i++) samples[i] = buf.readInt16LE(p + 8 + 2 * i) / 32768;
      return { rate, samples };
    }
    p += 8 + len + (len & 1);
  }
  throw new Error(`${file}: no data chunk`);
}

/** Share of a window's energy at one frequency (Goertzel, normalised: ~1 for a pure tone, ~0 without it). */
function toneShare(samples, from, n, rate, frequency) {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / rate);
  let s1 = 0;
  let s2 = 0;
  let energy = 0;
  for (let i = from; i < from + n; i++) {
    const x = samples[i];
    energy += x * x;
    const s0 = x + coefficient * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
  return energy > 0 ? (2 * power) / (n * energy) : 0;
}

/**
 * Per window of `windowMs`: its level (RMS, 16-bit scale), how strong the tone is (its RMS share
 * at `frequency`, 16-bit scale), and whether the tone is there (clearly above the rest).
 */
export function toneWindows({ rate, samples }, frequency, windowMs = 200) {
  const n = Math.round((rate * windowMs) / 1000);
  const windows = [];
  for (let from = 0; from + n <= samples.length; from += n) {
    let energy = 0;
    for (let i = from; i < from + n; i++) energy += samples[i] * samples[i];
    const rms = Math.sqrt(energy / n) * 32768;
    const share = toneShare(samples, from, n, rate, frequency);
    windows.push({ startMs: Math.round((from / rate) * 1000), rms: Math.round(rms), toneRms: Math.round(rms * Math.sqrt(share)), share: Number(share.toFixed(3)) });
  }
  return windows;
}

/** Runs of consecutive windows where `test` holds: [{startMs, endMs, ms}]. */
export function runs(windows, test, windowMs = 200) {
  const found = [];
  let start;
  windows.forEach((w, i) => {
    if (test(w) && start === undefined) start = i;
    if ((!test(w) || i === windows.length - 1) && start !== undefined) {
      const end = test(w) ? i + 1 : i;
      found.push({ startMs: windows[start].startMs, endMs: windows[start].startMs + (end - start) * windowMs, ms: (end - start) * windowMs });
      start = undefined;
    }
  });
  return found;
}
