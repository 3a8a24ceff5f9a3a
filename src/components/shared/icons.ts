/**
 * Small stroke icons (24 px grid), decorative: the buttons carrying them have names in words.
 * The first paint's icons (the place-call field) are defined here; the call boxes' icons are in
 * `call-icons.ts`, re-exported, so a bundle loads them with the call boxes, not with the first paint.
 */
import { svg } from 'lit';
import { icon } from './icon.js';

export { closeIcon, binIcon, micIcon, micOffIcon, chevronIcon, checkIcon, phoneDownIcon, keypadIcon, pauseIcon, playIcon, redialIcon, mergeIcon, transferIcon } from './call-icons.js';

export const phoneIcon = /* @__PURE__ */ icon(
  () =>
    svg`<path d="M22 16.92v3a2 2 0 0 1-2.18 2 19.79 19.79 0 0 1-8.63-3.07 19.5 19.5 0 0 1-6-6 19.79 19.79 0 0 1-3.07-8.67A2 2 0 0 1 4.11 2h3a2 2 0 0 1 2 1.72 12.84 12.84 0 0 0 .7 2.81 2 2 0 0 1-.45 2.11L8.09 9.91a16 16 0 0 0 6 6l1.27-1.27a2 2 0 0 1 2.11-.45 12.84 12.84 0 0 0 2.81.7A2 2 0 0 1 22 16.92z"/>`,
);
export const alertIcon = /* @__PURE__ */ icon(
  () =>
    svg`<path d="m21.73 18-8-14a2 2 0 0 0-3.48 0l-8 14A2 2 0 0 0 4 21h16a2 2 0 0 0 1.73-3Z"/><path d="M12 9v4"/><path d="M12 17h.01"/>`,
);
