/** The call boxes' icons (`icons.ts` re-exports them): a bundle loads them with the call boxes, not with the first paint. */
import { svg } from 'lit';
import { icon } from './icon.js';

export const closeIcon = /* @__PURE__ */ icon(() => svg`<path d="M18 6 6 18"/><path d="m6 6 12 12"/>`);
export const binIcon = /* @__PURE__ */ icon(
  () =>
    svg`<path d="M3 6h18"/><path d="M19 6v14c0 1-1 2-2 2H7c-1 0-2-1-2-2V6"/><path d="M8 6V4c0-1 1-2 2-2h4c1 0 2 1 2 2v2"/><path d="M10 11v6"/><path d="M14 11v6"/>`,
);
export const micIcon = /* @__PURE__ */ icon(
  () =>
    svg`<path d="M12 2a3 3 0 0 0-3 3v7a3 3 0 0 0 6 0V5a3 3 0 0 0-3-3Z"/><path d="M19 10v2a7 7 0 0 1-14 0v-2"/><path d="M12 19v3"/>`,
);
export const micOffIcon = /* @__PURE__ */ icon(
  () =>
    svg`<path d="M2 2l20 20"/><path d="M18.89 13.23A7.12 7.12 0 0 0 19 12v-2"/><path d="M5 10v2a7 7 0 0 0 12 5"/><path d="M15 9.34V5a3 3 0 0 0-5.68-1.33"/><path d="M9 9v3a3 3 0 0 0 5.12 2.12"/><path d="M12 19v3"/>`,
);
export const chevronIcon = /* @__PURE__ */ icon(() => svg`<path d="m6 9 6 6 6-6"/>`);
export const checkIcon = /* @__PURE__ */ icon(() => svg`<path d="M20 6 9 17l-5-5"/>`);
/** A handset turned down: hang up. */
export const phoneDownIcon = /* @__PURE__ */ icon(
  () =>
    svg`<path d="M3.3 12.9a15 15 0 0 1 17.4 0c.7.5.9 1.4.5 2.1l-1 1.8a1.6 1.6 0 0 1-2 .7l-2.3-.9a1.6 1.6 0 0 1-1-1.5v-1.6a11 11 0 0 0-5.8 0v1.6a1.6 1.6 0 0 1-1 1.5l-2.3.9a1.6 1.6 0 0 1-2-.7l-1-1.8c-.4-.7-.2-1.6.5-2.1z"/>`,
);
export const keypadIcon = /* @__PURE__ */ icon(
  () =>
    svg`<circle cx="6" cy="5" r="1.2"/><circle cx="12" cy="5" r="1.2"/><circle cx="18" cy="5" r="1.2"/><circle cx="6" cy="11" r="1.2"/><circle cx="12" cy="11" r="1.2"/><circle cx="18" cy="11" r="1.2"/><circle cx="6" cy="17" r="1.2"/><circle cx="12" cy="17" r="1.2"/><circle cx="18" cy="17" r="1.2"/><circle cx="12" cy="22" r="0.6"/>`,
);
export const pauseIcon = /* @__PURE__ */ icon(
  () =>
    svg`<rect x="6" y="4" width="4" height="16" rx="1"/><rect x="14" y="4" width="4" height="16" rx="1"/>`,
);
export const playIcon = /* @__PURE__ */ icon(() => svg`<path d="M7 4v16l13-8z"/>`);
export const redialIcon = /* @__PURE__ */ icon(() => svg`<path d="M3 12a9 9 0 1 0 3-6.7L3 8"/><path d="M3 3v5h5"/>`);
/** Two lines joining into one (Lucide "merge", ISC): merge two calls into one conversation. */
export const mergeIcon = /* @__PURE__ */ icon(() => svg`<path d="m8 6 4-4 4 4"/><path d="M12 2v10.3a4 4 0 0 1-1.172 2.872L4 22"/><path d="m20 22-5-5"/>`);
/** An arrow sent on (Lucide "forward", ISC): hand the call over to someone else. */
export const transferIcon = /* @__PURE__ */ icon(() => svg`<path d="m15 17 5-5-5-5"/><path d="M4 18v-2a4 4 0 0 1 4-4h12"/>`);
