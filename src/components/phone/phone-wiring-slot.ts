/**
 * Where the phone wiring (`phone-wiring.ts`) puts itself when its code runs, so `<vc-phone>`
 * finds it at once wherever a `Phone` already exists (the CDN's phone chunk carries it).
 * @internal
 */
import type { PhoneWiring } from './phone-wiring.js';

export const wiringSlot: { wiring?: PhoneWiring } = {};
