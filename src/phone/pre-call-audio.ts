/**
 * The pre-call check's audio items: the microphone (permission, then its level over a short
 * listen) and a test tone on the chosen speaker. Apart from the server and network items because
 * they touch the agent's devices and share the audio-context timing below.
 * @internal
 */
import type { CheckItem } from './audio-types.js';
import type { CheckContext } from './pre-call-check.js';
import { openMicrophone, playOn } from './sip-audio-choice.js';

/** Below this RMS (about -60 dBFS) the microphone is taken as silent. */
const SILENT_RMS = 0.001;
const TONE_MS = 700;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dbfs = (rms: number) => (rms > 0 ? Math.round(20 * Math.log10(rms)) : -Infinity);

async function microphonePermission(): Promise<PermissionState | undefined> {
  try {
    return (await navigator.permissions?.query({ name: 'microphone' }))?.state;
  } catch {
    return undefined;
  }
}

export async function checkMicrophone(context: CheckContext, listenMs: number): Promise<CheckItem> {
  if (!navigator.mediaDevices?.getUserMedia) {
    return {
      id: 'microphone',
      status: 'fail',
      code: 'microphone-insecure',
      message: 'This page cannot use a microphone: it is not a secure page.',
      fix: 'Open the page over https:// (or http://localhost).',
    };
  }
  const permission = await microphonePermission();
  let stream: MediaStream;
  try {
    stream = await openMicrophone(context.media);
  } catch (error) {
    const name = (error as { name?: string })?.name;
    if (name === 'NotAllowedError' || name === 'SecurityError' || permission === 'denied') {
      return {
        id: 'microphone',
        status: 'fail',
        code: 'microphone-blocked',
        message: 'The microphone is blocked for this page.',
        fix: 'Allow the microphone in the site settings (the icon left of the address); inside an iframe, the page needs allow="microphone".',
        details: { permission: permission ?? 'unknown' },
      };
    }
    return {
      id: 'microphone',
      status: 'fail',
      code: 'microphone-missing',
      message: 'No microphone could be opened.',
      fix: 'Connect a microphone or headset (and close other programs that hold it), then test again.',
      details: { error: name ?? 'unknown' },
    };
  }
  const [track] = stream.getAudioTracks();
  const label = context.labels.microphone ?? track?.label ?? 'The microphone';
  try {
    const settings = track?.getSettings() ?? {};
    const processing = {
      echoCancellation: settings.echoCancellation ?? false,
      noiseSuppression: settings.noiseSuppression ?? false,
      autoGainControl: settings.autoGainControl ?? false,
    };
    const peak = await peakLevel(stream, listenMs);
    if (peak === undefined) {
      return {
        id: 'microphone',
        status: 'warn',
        code: 'microphone-unmeasured',
        values: { device: label },
        message: `"${label}" is allowed, but its level could not be measured (the browser keeps audio off until the page is clicked).`,
        fix: 'Click "Test your audio" on the page (rather than from code) to measure the level.',
        details: { permission: 'granted', ...processing },
      };
    }
    const level = dbfs(peak);
    if (peak < SILENT_RMS) {
      return {
        id: 'microphone',
        status: 'warn',
        code: 'microphone-silent',
        values: { device: label },
        message: `"${label}" is allowed, but nothing was heard from it.`,
        fix: 'Speak while testing; check the microphone is not muted (a switch on the headset or in the system) or choose another one.',
        details: { permission: 'granted', levelDbfs: Number.isFinite(level) ? level : -120, ...processing },
      };
    }
    return { id: 'microphone', status: 'pass', code: 'microphone-ok', values: { device: label, level: String(level) }, message: `"${label}" works (level ${level} dBFS).`, details: { permission: 'granted', levelDbfs: level, ...processing } };
  } finally {
    stream.getTracks().forEach((t) => t.stop());
  }
}

/** The loudest RMS over `listenMs` (undefined when the browser keeps the audio context suspended). */
async function peakLevel(stream: MediaStream, listenMs: number): Promise<number | undefined> {
  const AudioContextClass = globalThis.AudioContext;
  if (!AudioContextClass) return undefined;
  const audio = new AudioContextClass();
  try {
    await Promise.race([audio.resume(), sleep(500)]);
    if (audio.state !== 'running') return undefined;
    const analyser = audio.createAnalyser();
    analyser.fftSize = 2048;
    audio.createMediaStreamSource(stream).connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    let peak = 0;
    const until = Date.now() + listenMs;
    while (Date.now() < until) {
      await sleep(50);
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const sample of samples) sum += sample * sample;
      peak = Math.max(peak, Math.sqrt(sum / samples.length));
    }
    return peak;
  } finally {
    void audio.close().catch(() => undefined);
  }
}

export async function checkSpeaker(context: CheckContext): Promise<CheckItem> {
  const label = context.labels.speaker ?? 'the default output';
  const AudioContextClass = globalThis.AudioContext;
  if (!AudioContextClass) return { id: 'speaker', status: 'warn', code: 'speaker-unsupported', message: 'This browser cannot play a test tone.', fix: 'Make a test call instead.' };
  const audio = new AudioContextClass();
  const player = new Audio();
  try {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    const out = audio.createMediaStreamDestination();
    tone.frequency.value = 440;
    gain.gain.value = 0.2;
    tone.connect(gain).connect(out);
    player.srcObject = out.stream;
    const output = context.media.speakerId();
    if (output) playOn(player, output);
    await Promise.race([audio.resume(), sleep(500)]);
    tone.start();
    try {
      await player.play();
    } catch {
      return {
        id: 'speaker',
        status: 'warn',
        code: 'speaker-blocked',
        message: 'The test tone could not play: the browser waits for a click on the page first.',
        fix: 'Click "Test your audio" on the page (rather than from code).',
      };
    }
    await sleep(TONE_MS);
    tone.stop();
    return {
      id: 'speaker',
      status: 'pass',
      code: 'speaker-ok',
      ...(context.labels.speaker ? { values: { device: label } } : {}),
      message: `A test tone played on ${context.labels.speaker ? `"${label}"` : label}.`,
      fix: 'Did not hear it? Check the volume, or choose another speaker.',
      details: { output: output || 'default', toneMs: TONE_MS },
    };
  } finally {
    player.srcObject = null;
    void audio.close().catch(() => undefined);
  }
}
