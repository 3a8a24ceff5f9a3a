/**
 * The pre-call check behind `phone.check()` ("Test your audio"): the microphone (permission and
 * level), a test tone on the chosen speaker, the SIP server (a WebSocket and one OPTIONS, no
 * REGISTER), and the network path for audio (ICE candidates; the TURN server when one is
 * configured). Each step has a deadline and ends in a line of words with what to fix. Loaded
 * only when a check runs.
 * @internal
 */
import type { CheckItem, CheckOptions, CheckReport, CheckStatus } from './audio-types.js';
import type { EngineMedia } from './engine.js';
import { PhoneInputError } from './errors.js';
import { randomHex } from './random-hex.js';
import { checkServerUrl } from './server-url.js';
import { openMicrophone, playOn } from './sip-audio-choice.js';
import type { PhoneConfig } from './types.js';

export interface CheckContext {
  config: PhoneConfig;
  media: EngineMedia;
  /** Names of the devices in use, for the words (undefined: the system default). */
  labels: { microphone?: string; speaker?: string };
}

/** Below this RMS (about -60 dBFS) the microphone is taken as silent. */
const SILENT_RMS = 0.001;
const TONE_MS = 700;
const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const dbfs = (rms: number) => (rms > 0 ? Math.round(20 * Math.log10(rms)) : -Infinity);

/** Runs `step`; past `ms` (or on abort) it gives the deadline's item instead. */
async function withDeadline(step: () => Promise<CheckItem>, ms: number, late: CheckItem, signal?: AbortSignal): Promise<CheckItem> {
  if (signal?.aborted) return { ...late, code: 'stopped', message: 'The check was stopped before this step.' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const deadline = new Promise<CheckItem>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
    onAbort = () => resolve({ ...late, code: 'stopped', message: 'The check was stopped.' });
    signal?.addEventListener('abort', onAbort);
  });
  try {
    return await Promise.race([step().catch((error: unknown) => ({ ...late, message: `${late.message} (${(error as Error)?.message ?? String(error)})` })), deadline]);
  } finally {
    clearTimeout(timer);
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
}

export async function runPreCallCheck(context: CheckContext, options: CheckOptions = {}): Promise<CheckReport> {
  const startedAt = Date.now();
  const deadlineMs = options.stepDeadlineMs ?? 6000;
  const seconds = `${Math.round(deadlineMs / 1000)} s`;
  const signal = options.signal;
  const audio = (async () => {
    const microphone = await withDeadline(() => checkMicrophone(context, options.listenMs ?? 1500), deadlineMs, {
      id: 'microphone',
      status: 'fail',
      code: 'microphone-timeout',
      values: { seconds: String(Math.round(deadlineMs / 1000)) },
      message: `The microphone did not answer within ${seconds}.`,
      fix: 'Answer the browser\'s microphone prompt, or close other programs that use the microphone, then test again.',
    }, signal);
    if (options.speakerTone === false) return [microphone];
    const speaker = await withDeadline(() => checkSpeaker(context), deadlineMs, {
      id: 'speaker',
      status: 'warn',
      code: 'speaker-timeout',
      values: { seconds: String(Math.round(deadlineMs / 1000)) },
      message: `The test tone did not finish within ${seconds}.`,
      fix: 'Check the speaker or headset is connected, or choose another one.',
    }, signal);
    return [microphone, speaker];
  })();
  const server = withDeadline(() => checkServer(context.config), deadlineMs, {
    id: 'server',
    status: 'fail',
    code: 'server-timeout',
    values: { seconds: String(Math.round(deadlineMs / 1000)) },
    message: `The SIP server did not answer within ${seconds}.`,
    fix: 'Check the server address, the network and any firewall or proxy between this computer and the server.',
  }, signal);
  const network = checkNetwork(context.config, Math.max(1000, deadlineMs - 500), signal);
  const items = [...(await audio), await server, ...(await network)];
  const status = items.reduce<CheckStatus>((worst, item) => (RANK[item.status] > RANK[worst] ? item.status : worst), 'pass');
  return { status, items, startedAt, endedAt: Date.now() };
}

async function microphonePermission(): Promise<PermissionState | undefined> {
  try {
    return (await navigator.permissions?.query({ name: 'microphone' }))?.state;
  } catch {
    return undefined;
  }
}

async function checkMicrophone(context: CheckContext, listenMs: number): Promise<CheckItem> {
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

async function checkSpeaker(context: CheckContext): Promise<CheckItem> {
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

/** The SIP server's domain, for an OPTIONS that asks the server itself (not a user). */
function serverDomain(config: PhoneConfig, url: URL): string {
  const match = /^sips?:(?:[^@;>]*@)?([^;>?]+)/i.exec(config.aor ?? '');
  return match?.[1] ?? url.hostname;
}

async function checkServer(config: PhoneConfig): Promise<CheckItem> {
  let href: string;
  try {
    href = checkServerUrl(config.server);
  } catch (error) {
    const message = error instanceof PhoneInputError ? error.message : String(error);
    return { id: 'server', status: 'fail', code: 'server-invalid', message, fix: 'Set the phone\'s server to the SIP-over-WebSocket address your provider gave (wss://...).' };
  }
  const url = new URL(href);
  const domain = serverDomain(config, url);
  const started = performance.now();
  return new Promise<CheckItem>((resolve) => {
    let socket: WebSocket;
    let opened = false;
    const done = (item: CheckItem) => {
      socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
      if (socket.readyState <= WebSocket.OPEN) socket.close();
      resolve(item);
    };
    try {
      socket = new WebSocket(href, 'sip');
    } catch (error) {
      return resolve({
        id: 'server',
        status: 'fail',
        code: 'server-blocked',
        values: { host: url.host, origin: `${url.protocol}//${url.host}` },
        message: `The page may not open a WebSocket to ${url.host} (${(error as Error).message}).`,
        fix: `Add ${url.protocol}//${url.host} to the page's Content-Security-Policy connect-src.`,
      });
    }
    socket.onopen = () => {
      opened = true;
      const tag = randomHex(8);
      const transport = url.protocol === 'wss:' ? 'WSS' : 'WS';
      socket.send(
        [
          `OPTIONS sip:${domain} SIP/2.0`,
          `Via: SIP/2.0/${transport} ${tag}.invalid;branch=z9hG4bK${randomHex(8)}`,
          'Max-Forwards: 70',
          `To: <sip:${domain}>`,
          `From: <sip:vc-phone-check@${domain}>;tag=${tag}`,
          `Call-ID: ${randomHex(8)}`,
          'CSeq: 1 OPTIONS',
          'User-Agent: vc-phone (check)',
          'Content-Length: 0',
          '',
          '',
        ].join('\r\n'),
      );
    };
    socket.onmessage = (event) => {
      const status = /^SIP\/2\.0 (\d{3})/.exec(String(event.data))?.[1];
      if (!status) return;
      const roundTripMs = Math.round(performance.now() - started);
      const code = Number(status);
      if (code >= 500) {
        return done({
          id: 'server',
          status: 'warn',
          code: 'server-error',
          values: { status: String(code) },
          message: `The SIP server answered, but with a server error (${code}).`,
          fix: 'The server may be overloaded or in maintenance: try again later, or tell your administrator.',
          details: { sipStatus: code, roundTripMs },
        });
      }
      done({ id: 'server', status: 'pass', code: 'server-ok', values: { host: url.host, ms: String(roundTripMs) }, message: `The SIP server ${url.host} answered in ${roundTripMs} ms.`, details: { sipStatus: code, roundTripMs } });
    };
    socket.onerror = socket.onclose = () =>
      done(
        opened
          ? {
              id: 'server',
              status: 'fail',
              code: 'server-closed',
              values: { host: url.host },
              message: `${url.host} took the WebSocket connection but closed it without a SIP answer.`,
              fix: 'Check the server address: the path or port may not be the SIP-over-WebSocket one.',
            }
          : {
              id: 'server',
              status: 'fail',
              code: 'server-unreachable',
              values: { host: url.host },
              message: `The SIP server ${url.host} could not be reached.`,
              fix: 'Check the server address and port, the network, and that no firewall, proxy or Content-Security-Policy blocks WebSockets to it.',
            },
      );
  });
}

/** ICE candidates of each kind, gathered for one audio offer within `ms`. */
async function gather(config: PhoneConfig, ms: number, signal?: AbortSignal): Promise<{ host: number; srflx: number; relay: number; complete: boolean }> {
  const pc = new RTCPeerConnection({ iceServers: config.iceServers ?? [], iceTransportPolicy: config.iceTransportPolicy ?? 'all' });
  const counts = { host: 0, srflx: 0, relay: 0, complete: false };
  try {
    pc.addTransceiver('audio');
    const finished = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal?.addEventListener('abort', () => resolve());
      pc.onicecandidate = (event) => {
        const type = event.candidate?.type;
        if (type === 'host' || type === 'srflx' || type === 'relay') counts[type] += 1;
        else if (type === 'prflx') counts.srflx += 1;
        if (!event.candidate) {
          counts.complete = true;
          clearTimeout(timer);
          resolve();
        }
      };
    });
    await pc.setLocalDescription(await pc.createOffer());
    await finished;
    return counts;
  } finally {
    pc.close();
  }
}

async function checkNetwork(config: PhoneConfig, ms: number, signal?: AbortSignal): Promise<CheckItem[]> {
  const urls = (config.iceServers ?? []).flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls]));
  const turn = urls.filter((url) => /^turns?:/i.test(url));
  const stun = urls.filter((url) => /^stuns?:/i.test(url));
  const relayOnly = config.iceTransportPolicy === 'relay';
  let counts: Awaited<ReturnType<typeof gather>>;
  try {
    counts = await gather(config, ms, signal);
  } catch (error) {
    return [
      {
        id: 'network',
        status: 'fail',
        code: 'network-error',
        message: `The browser could not prepare a network path for audio (${(error as Error)?.message ?? error}).`,
        fix: 'Check that WebRTC is not switched off by a browser policy or extension.',
      },
    ];
  }
  const details = { host: counts.host, srflx: counts.srflx, relay: counts.relay, complete: counts.complete };
  const items: CheckItem[] = [];
  if (relayOnly) {
    items.push({ id: 'network', status: 'pass', code: 'network-relay-only', message: 'Audio is set to go through the TURN relay only.', details });
  } else if (counts.host + counts.srflx + counts.relay === 0) {
    items.push({
      id: 'network',
      status: 'fail',
      code: 'network-none',
      message: 'No network path for audio was found.',
      fix: 'Check the network connection, and that WebRTC is not blocked by a browser policy, extension or VPN.',
      details,
    });
  } else if (stun.length && counts.srflx === 0) {
    items.push({
      id: 'network',
      status: 'warn',
      code: 'network-no-public',
      message: 'The STUN server gave no public address: calls may have no audio through this network\'s firewall.',
      fix: 'Check the STUN server address, or ask for UDP to be allowed (or a TURN server to be configured).',
      details,
    });
  } else {
    const kinds = [`${counts.host} local`, ...(counts.srflx ? [`${counts.srflx} public`] : []), ...(counts.relay ? [`${counts.relay} relayed`] : [])];
    items.push({
      id: 'network',
      status: 'pass',
      code: 'network-ok',
      values: { local: String(counts.host), public: String(counts.srflx), relayed: String(counts.relay) },
      message: `Network paths for audio found (${kinds.join(', ')}).`,
      details,
    });
  }
  if (turn.length) {
    items.push(
      counts.relay > 0
        ? { id: 'turn', status: 'pass', code: 'turn-ok', values: { count: String(counts.relay) }, message: `The TURN server answered: audio can be relayed (${counts.relay} relay address${counts.relay === 1 ? '' : 'es'}).`, details: { relay: counts.relay } }
        : {
            id: 'turn',
            status: relayOnly ? 'fail' : 'warn',
            code: 'turn-none',
            values: { server: turn[0] },
            message: `The TURN server (${turn[0]}) gave no relay address: it is unreachable, or it refused the credentials.`,
            fix: 'Check the TURN address and port, that the network allows it, and that its credentials are current.',
            details: { relay: 0 },
          },
    );
  }
  return items;
}
