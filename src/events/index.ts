/** Every vc-phone event class, by name, and the maps from event name to class. */
import {
  VcCallAnsweredEvent,
  VcCallColorEvent,
  VcCallDialingEvent,
  VcCallDtmfEvent,
  VcCallEndedEvent,
  VcCallFailedEvent,
  VcCallHeldEvent,
  VcCallMergedEvent,
  VcCallMuteEvent,
  VcCallQualityEvent,
  VcCallRemovedEvent,
  VcCallSplitEvent,
  VcCallResumedEvent,
  VcCallRingingEvent,
  VcCallTransferEvent,
  VcConnectionChangeEvent,
  type CallEventDetail,
  type HoldParty,
  type SplitReason,
} from './call-lifecycle-events.js';
import { VcInputErrorEvent, type InputErrorDetail } from './input-error-event.js';
import { VcCallWrappedUpEvent } from './crm-events.js';
import { VcAudioCheckEvent, VcAudioDeviceLostEvent, VcAudioDevicesChangeEvent, type AudioDevicesDetail } from './audio-events.js';
import { VcBoxCloseEvent, VcBoxRemoveEvent, VcCallRequestEvent, VcColorChangeEvent, VcDtmfEvent, VcMuteChangeEvent } from './user-events.js';

export { VcEvent } from './vc-event.js';
export {
  VcCallAnsweredEvent,
  VcCallColorEvent,
  VcCallDialingEvent,
  VcCallDtmfEvent,
  VcCallEndedEvent,
  VcCallFailedEvent,
  VcCallHeldEvent,
  VcCallMergedEvent,
  VcCallMuteEvent,
  VcCallQualityEvent,
  VcCallRemovedEvent,
  VcCallSplitEvent,
  VcCallResumedEvent,
  VcCallRingingEvent,
  VcCallTransferEvent,
  VcConnectionChangeEvent,
  VcInputErrorEvent,
  VcCallWrappedUpEvent,
  VcBoxCloseEvent,
  VcBoxRemoveEvent,
  VcCallRequestEvent,
  VcColorChangeEvent,
  VcDtmfEvent,
  VcMuteChangeEvent,
  VcAudioCheckEvent,
  VcAudioDeviceLostEvent,
  VcAudioDevicesChangeEvent,
  type AudioDevicesDetail,
  type CallEventDetail,
  type HoldParty,
  type SplitReason,
  type InputErrorDetail,
};

/** Every event the `Phone` dispatches, by name. */
export interface PhoneEventMap {
  'vc-call-dialing': VcCallDialingEvent;
  'vc-call-ringing': VcCallRingingEvent;
  'vc-call-answered': VcCallAnsweredEvent;
  'vc-call-dtmf': VcCallDtmfEvent;
  'vc-call-mute': VcCallMuteEvent;
  'vc-call-held': VcCallHeldEvent;
  'vc-call-resumed': VcCallResumedEvent;
  'vc-call-merged': VcCallMergedEvent;
  'vc-call-split': VcCallSplitEvent;
  'vc-call-color': VcCallColorEvent;
  'vc-call-transfer': VcCallTransferEvent;
  'vc-call-quality': VcCallQualityEvent;
  'vc-call-ended': VcCallEndedEvent;
  'vc-call-failed': VcCallFailedEvent;
  'vc-call-removed': VcCallRemovedEvent;
  'vc-connection-change': VcConnectionChangeEvent;
  'vc-input-error': VcInputErrorEvent;
  'vc-call-wrapped-up': VcCallWrappedUpEvent;
  /** Dispatched by the phone for a call placed from code (`phone.call()`); cancelable. */
  'vc-call-request': VcCallRequestEvent;
  'vc-audio-devices-change': VcAudioDevicesChangeEvent;
  'vc-audio-device-lost': VcAudioDeviceLostEvent;
  'vc-audio-check': VcAudioCheckEvent;
}

/** Every event vc-phone elements dispatch in the DOM, by name. */
export interface VcElementEventMap extends PhoneEventMap {
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
