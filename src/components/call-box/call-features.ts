/**
 * What a call box reads from the phone core beyond the seed's API: hold (`hold()`, `resume()`,
 * `held`, `heldByRemote`), the CRM's `label`, and which call is active. Each is feature-checked,
 * so the elements work with a core that does not have it yet (the control is then not shown).
 */
import type { Call } from '../../phone/call.js';
import type { Phone } from '../../phone/phone.js';

interface CallExtras {
  hold?: () => Promise<void>;
  resume?: () => Promise<void>;
  held?: boolean;
  heldByRemote?: boolean;
  label?: string;
  /** The agent is talking while muted (from the audio level), when the core measures it. */
  talkingWhileMuted?: boolean;
}

const extras = (call: Call) => call as unknown as CallExtras;

/** The call can be put on hold (the core has hold, and the call is connected). */
export function canHold(call: Call): boolean {
  return typeof extras(call).hold === 'function' && call.state === 'connected';
}

/** This side put the call on hold. */
export function isHeld(call: Call): boolean {
  return extras(call).held === true;
}

/** The other party put the call on hold. */
export function isHeldByRemote(call: Call): boolean {
  return extras(call).heldByRemote === true;
}

/** Puts the call on hold, or takes it back; a refusal shows in the call's state, not as an error. */
export function toggleHold(call: Call): void {
  const c = extras(call);
  const action = isHeld(call) ? c.resume : c.hold;
  void action?.call(call).catch(() => undefined);
}

/** Who is on the line: the CRM's label (contact name) where given, else the number or address. */
export function partyName(call: Call): string {
  return extras(call).label?.trim() || call.target.display;
}

/** The number or address as a second line, when the title is a label. */
export function partyNumber(call: Call): string | undefined {
  return extras(call).label?.trim() ? call.target.display : undefined;
}

/** The agent talks while the call is muted (needs the core's audio level). */
export function talkingWhileMuted(call: Call): boolean {
  return call.muted && extras(call).talkingWhileMuted === true;
}

/** The phone's active call (the one the agent talks on; the others are held), when the core tracks one. */
export function activeCallId(phone: Phone | undefined): string | undefined {
  return (phone as unknown as { activeCallId?: string } | undefined)?.activeCallId;
}
