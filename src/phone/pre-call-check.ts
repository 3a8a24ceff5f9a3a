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
import { checkMicrophone, checkSpeaker } from './pre-call-audio.js';
import { checkNetwork } from './pre-call-network.js';
import { checkServer } from './pre-call-server.js';
import type { PhoneConfig } from './types.js';

export interface CheckContext {
  config: PhoneConfig;
  media: EngineMedia;
  /** Names of the devices in use, for the words (undefined: the system default). */
  labels: { microphone?: string; speaker?: string };
}

const RANK: Record<CheckStatus, number> = { pass: 0, warn: 1, fail: 2 };

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
