/** The phone's connection as the agent sees it: ready, connecting, or offline (calls can't go out). */
import type { Phone } from '../../phone/phone.js';

export type PhoneStatus = 'ready' | 'connecting' | 'offline';

/** Offline = reconnecting after a loss, or disconnected for a stated reason; idle connects on demand. */
export function phoneStatus(phone: Phone | undefined): PhoneStatus {
  const state = phone?.connectionState;
  if (state === 'reconnecting' || (state === 'disconnected' && (phone?.connectionMessage || phone?.connectionReason))) return 'offline';
  return state === 'connecting' ? 'connecting' : 'ready';
}

/** When the next reconnection attempt is due (epoch ms), while the phone reconnects. */
export function reconnectAt(phone: Phone | undefined): number | undefined {
  return phone?.reconnectAt;
}
