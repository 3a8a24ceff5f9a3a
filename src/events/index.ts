export * from './vc-event.js';
export * from './call-lifecycle-events.js';
export * from './input-error-event.js';
export * from './user-events.js';

import type {
  VcCallAnsweredEvent,
  VcCallColorEvent,
  VcCallDialingEvent,
  VcCallDtmfEvent,
  VcCallEndedEvent,
  VcCallFailedEvent,
  VcCallMuteEvent,
  VcCallRemovedEvent,
  VcCallRingingEvent,
  VcConnectionChangeEvent,
} from './call-lifecycle-events.js';
import type { VcInputErrorEvent } from './input-error-event.js';
import type {
  VcBoxCloseEvent,
  VcBoxRemoveEvent,
  VcCallRequestEvent,
  VcColorChangeEvent,
  VcDtmfEvent,
  VcMuteChangeEvent,
} from './user-events.js';

/** Every event the `Phone` dispatches, by name. */
export interface PhoneEventMap {
  'vc-call-dialing': VcCallDialingEvent;
  'vc-call-ringing': VcCallRingingEvent;
  'vc-call-answered': VcCallAnsweredEvent;
  'vc-call-dtmf': VcCallDtmfEvent;
  'vc-call-mute': VcCallMuteEvent;
  'vc-call-color': VcCallColorEvent;
  'vc-call-ended': VcCallEndedEvent;
  'vc-call-failed': VcCallFailedEvent;
  'vc-call-removed': VcCallRemovedEvent;
  'vc-connection-change': VcConnectionChangeEvent;
  'vc-input-error': VcInputErrorEvent;
}

/** Every event vc-phone elements dispatch in the DOM, by name. */
export interface VcElementEventMap extends PhoneEventMap {
  'vc-call-request': VcCallRequestEvent;
  'vc-dtmf': VcDtmfEvent;
  'vc-mute-change': VcMuteChangeEvent;
  'vc-color-change': VcColorChangeEvent;
  'vc-box-close': VcBoxCloseEvent;
  'vc-box-remove': VcBoxRemoveEvent;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends VcElementEventMap {}
}
