/**
 * What a call box reads from a call beyond its state: hold, the CRM's label, the active call,
 * and the agent talking while muted.
 */
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
export async function toggleHold(call: Call): Promise<string | undefined> {
  try {
    await (call.held ? call.resume() : call.hold());
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
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
