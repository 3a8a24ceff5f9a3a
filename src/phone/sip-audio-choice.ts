/**
 * The engine's side of the agent's audio choice (`phone.audio`): opening the chosen microphone
 * with the chosen voice processing (the default one if it is gone), moving live calls to another
 * microphone without a re-INVITE (`RTCRtpSender.replaceTrack`), and playing on the chosen output.
 * Part of the lazily loaded engine chunk.
 * @internal
 */
import type { EngineMedia } from './engine.js';

/** Errors that mean "that device is not there (any more)", not "the agent said no". */
const DEVICE_GONE = new Set(['OverconstrainedError', 'NotFoundError', 'NotReadableError', 'AbortError']);

/**
 * Opens the microphone as the agent chose it. A chosen device that cannot be opened (unplugged
 * since it was listed) gives way to the system default, and the phone is told so (it says so).
 */
export async function openMicrophone(media: EngineMedia | undefined): Promise<MediaStream> {
  const constraints = media?.microphoneConstraints();
  try {
    return await navigator.mediaDevices.getUserMedia({ audio: constraints ?? true, video: false });
  } catch (error) {
    const deviceId = constraints?.deviceId as { exact?: string } | undefined;
    const name = (error as { name?: string })?.name ?? '';
    if (!media || !constraints || !deviceId?.exact || !DEVICE_GONE.has(name)) throw error;
    const withoutDevice = { ...constraints };
    delete withoutDevice.deviceId;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: withoutDevice, video: false });
    media.microphoneUnavailable(deviceId.exact);
    return stream;
  }
}

/** What a live call needs to follow the agent's audio choice. */
export interface AudioSwitchable {
  /** Puts this microphone stream's track in place of the call's (no re-INVITE); stops it if the call has no media. */
  useMicrophone(stream: MediaStream): Promise<void>;
  /** Plays the far end on the output chosen now. */
  useSpeaker(): void;
}

/** What the engine's shared microphone offers the switch. */
export interface SwitchableMicrophone {
  release(): void;
  forCall(): Promise<MediaStream>;
}

/**
 * Moves live calls to the microphone chosen now: the shared stream is reopened with the new
 * constraints and each call's sender gets a clone of it; the offer made ahead (which holds the
 * old microphone) is dropped, so the next call uses the new one too. Without calls the
 * microphone is just closed: the next call opens the new one.
 */
export async function switchMicrophone(microphone: SwitchableMicrophone, dropWarmOffer: () => void, sessions: Iterable<AudioSwitchable>): Promise<void> {
  dropWarmOffer();
  microphone.release();
  const live = [...sessions];
  await Promise.all(live.map(async (session) => session.useMicrophone(await microphone.forCall())));
}

/** Plays `audio` on output `id` (`''`: the default) where the browser can choose; the default if that output fails. */
export function playOn(audio: HTMLMediaElement, id: string): void {
  const element = audio as HTMLMediaElement & { setSinkId?: (id: string) => Promise<void>; sinkId?: string };
  if (typeof element.setSinkId !== 'function' || element.sinkId === id) return;
  element.setSinkId(id).catch(() => element.setSinkId?.('').catch(() => undefined));
}
