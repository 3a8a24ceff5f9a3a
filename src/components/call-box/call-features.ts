/**
 * What a call box reads from a call beyond its state: hold, the CRM's label, the active call,
 * and the agent talking while muted.
 */
import { format, inputErrorText, strings } from '../../i18n/strings.js';
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';

/** The call can be put on hold (or taken back): it is connected. */
export function canHold(call: Call): boolean {
  return call.state === 'connected';
}

/** This side put the call on hold. */
export function isHeld(call: Call): boolean {
  return call.held;
}

/** The other party put the call on hold. */
export function isHeldByRemote(call: Call): boolean {
  return call.heldByRemote;
}

/** Puts the call on hold, or takes it back; resolves with the words of a refusal (the call then stays as it was). */
export async function toggleHold(call: Call): Promise<Error | undefined> {
  try {
    await (call.held ? call.resume() : call.hold());
    return undefined;
  } catch (error) {
    return error as Error;
  }
}

/**
 * A refused hold or resume in the words of the box's language (read while rendering): what could
 * not be done and why, by the other side's status (or refused input's code); any other failure in the phone's own words.
 */
export function holdProblemWords(error: Error): string {
  const { held, status, code, field } = error as Partial<{ held: boolean; status: number; code: string; field: string }>;
  // Refused input: the call is not connected (any other code in its own translated words).
  if (code) return field === 'hold' && code === 'call-not-live' ? strings.holdNotConnected : inputErrorText(error);
  // The phone could not send the re-INVITE: what could not be done (the English detail is for logs).
  if (typeof held === 'boolean' && typeof status !== 'number') return held ? strings.holdRefusedHold : strings.holdRefusedResume;
  if (typeof held !== 'boolean' || typeof status !== 'number') return error.message;
  const why =
    status === 491 ? strings.holdRefusedGlare : status === 488 || status === 606 ? strings.holdRefusedMedia : status === 408 ? strings.holdRefusedTimeout : strings.holdRefusedOther;
  return `${held ? strings.holdRefusedHold : strings.holdRefusedResume} ${format(why, { status: String(status) })}`;
}

/** Who is on the line: the CRM's label (contact name) where given, else the number or address. */
export function partyName(call: Call): string {
  return call.label?.trim() || call.target.display;
}

/** The number or address as a second line, when the title is a label. */
export function partyNumber(call: Call): string | undefined {
  return call.label?.trim() ? call.target.display : undefined;
}

/** The agent talks while the call is muted (the core measures the microphone's level). */
export function talkingWhileMuted(call: Call): boolean {
  return call.muted && call.talkingWhileMuted;
}

/** The phone's active call (the one the agent talks on; the others are held), when the core tracks one. */
export function activeCallId(phone: Phone | undefined): string | undefined {
  return phone?.activeCallId;
}
