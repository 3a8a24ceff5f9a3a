/**
 * React wrappers (`vc-phone/react`), made with `@lit/react`: typed props (properties, not
 * attributes, so `phone`, `call` and `auth` work) and typed event callbacks (`onVcCallRequest`,
 * `onVcCallEnded`...). Importing this module defines every tag. React is an optional peer
 * dependency of vc-phone: only this entry needs it.
 *
 * ```tsx
 * import { VcPhone } from 'vc-phone/react';
 * <VcPhone server="wss://sip.example.com/ws" aor="sip:agent@example.com"
 *          onVcCallEnded={(e) => log(e.detail.call)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import '../vc-phone.js';
import { VcCallBox as VcCallBoxElement } from '../components/call-box/call-box.js';
import { VcCallList as VcCallListElement } from '../components/call-list/call-list.js';
import { VcColorTag as VcColorTagElement } from '../components/color-tag/color-tag.js';
import { VcDialpad as VcDialpadElement } from '../components/dialpad/dialpad.js';
import { VcMuteButton as VcMuteButtonElement } from '../components/mute-button/mute-button.js';
import { VcPhone as VcPhoneElement } from '../components/phone/phone-element.js';
import { VcPhoneStatus as VcPhoneStatusElement } from '../components/phone-status/phone-status.js';
import { VcPlaceCall as VcPlaceCallElement } from '../components/place-call/place-call.js';
import { VcTransfer as VcTransferElement } from '../components/transfer/transfer.js';
import { VcCallHistory as VcCallHistoryElement } from '../components/call-history/call-history.js';
import { VcWrapUp as VcWrapUpElement } from '../components/wrap-up/wrap-up.js';
import { VcAudioSettings as VcAudioSettingsElement } from '../components/audio-settings/audio-settings.js';
import type { VcElementEventMap } from '../events/index.js';

const on = <K extends keyof VcElementEventMap>(name: K) => name as EventName<VcElementEventMap[K]>;

/** Events of the elements that show a call (their own and their children's, which bubble). */
const boxEvents = {
  onVcBoxClose: on('vc-box-close'),
  onVcBoxRemove: on('vc-box-remove'),
  onVcDtmf: on('vc-dtmf'),
  onVcMuteChange: on('vc-mute-change'),
  onVcColorChange: on('vc-color-change'),
};

/** `<vc-phone>`: every life-cycle event of its phone plus what the agent did in it. */
export const VcPhone = createComponent({
  tagName: 'vc-phone',
  elementClass: VcPhoneElement,
  react: React,
  events: {
    onVcCallDialing: on('vc-call-dialing'),
    onVcCallRinging: on('vc-call-ringing'),
    onVcCallAnswered: on('vc-call-answered'),
    onVcCallDtmf: on('vc-call-dtmf'),
    onVcCallMute: on('vc-call-mute'),
    onVcCallHeld: on('vc-call-held'),
    onVcCallResumed: on('vc-call-resumed'),
    onVcCallTransfer: on('vc-call-transfer'),
    onVcCallColor: on('vc-call-color'),
    onVcCallQuality: on('vc-call-quality'),
    onVcCallEnded: on('vc-call-ended'),
    onVcCallFailed: on('vc-call-failed'),
    onVcCallRemoved: on('vc-call-removed'),
    onVcConnectionChange: on('vc-connection-change'),
    onVcInputError: on('vc-input-error'),
    onVcCallRequest: on('vc-call-request'),
    onVcCallWrappedUp: on('vc-call-wrapped-up'),
    ...boxEvents,
  },
});

export const VcPlaceCall = createComponent({
  tagName: 'vc-place-call',
  elementClass: VcPlaceCallElement,
  react: React,
  events: { onVcCallRequest: on('vc-call-request') },
});

export const VcCallList = createComponent({ tagName: 'vc-call-list', elementClass: VcCallListElement, react: React, events: boxEvents });

export const VcCallBox = createComponent({ tagName: 'vc-call-box', elementClass: VcCallBoxElement, react: React, events: boxEvents });

export const VcDialpad = createComponent({ tagName: 'vc-dialpad', elementClass: VcDialpadElement, react: React, events: { onVcDtmf: on('vc-dtmf') } });

export const VcMuteButton = createComponent({
  tagName: 'vc-mute-button',
  elementClass: VcMuteButtonElement,
  react: React,
  events: { onVcMuteChange: on('vc-mute-change') },
});

export const VcColorTag = createComponent({
  tagName: 'vc-color-tag',
  elementClass: VcColorTagElement,
  react: React,
  events: { onVcColorChange: on('vc-color-change') },
});

/** `<vc-phone-status>`: the connection in words (Ready / Connecting / Offline) with a Retry button. */
export const VcPhoneStatus = createComponent({
  tagName: 'vc-phone-status',
  elementClass: VcPhoneStatusElement,
  react: React,
});

/** `<vc-transfer>`: blind or attended transfer of one call (inside every `<vc-call-box>`; usable alone with `call`). */
export const VcTransfer = createComponent({ tagName: 'vc-transfer', elementClass: VcTransferElement, react: React });
/** `<vc-call-history>`: the call history with "Call again" and "Clear history". */
export const VcCallHistory = createComponent({
  tagName: 'vc-call-history',
  elementClass: VcCallHistoryElement,
  react: React,
  events: { onVcCallRequest: on('vc-call-request') },
});

/** `<vc-wrap-up>`: notes and disposition after a call (the phone dispatches `vc-call-wrapped-up`). */
export const VcWrapUp = createComponent({ tagName: 'vc-wrap-up', elementClass: VcWrapUpElement, react: React, events: {} });
/** `<vc-audio-settings>`: microphone, speaker and ringer choice, voice processing switches and "Test your audio". */
export const VcAudioSettings = createComponent({
  tagName: 'vc-audio-settings',
  elementClass: VcAudioSettingsElement,
  react: React,
});
