import { css } from 'lit';

/** The call box but its controls row (call-box-controls.styles.ts). While the call is live the timer's line is kept even when empty, so the header, and the buttons under it, keep their place when the timer starts. */
export const callBoxStyles = css`
  :host {
    display: block;
    container: vc-call-box / inline-size;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 10px;
    padding-inline-start: 16px;
    border: 1px solid var(--vc-call-box-border-color, var(--_border));
    border-radius: var(--vc-call-box-radius, calc(var(--_radius) + 2px));
    background: var(--vc-call-box-background, var(--_surface));
    box-shadow: var(--vc-call-box-shadow, 0 1px 2px rgb(0 0 0 / 0.06));
    animation: vc-enter var(--_motion) ease-out;
  }
  .base[data-active] {
    border-color: var(--vc-call-box-active-color, var(--_accent));
    box-shadow: 0 0 0 1px var(--vc-call-box-active-color, var(--_accent));
  }
  .base:focus {
    outline: none;
  }
  .base:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  @keyframes vc-enter {
    from {
      opacity: 0;
      transform: translateY(-4px);
    }
  }
  .stripe {
    position: absolute;
    /* Along the start edge: the left, or the right in a right-to-left locale. */
    inset-block: -1px;
    inset-inline-start: -1px;
    width: 5px;
    border-start-start-radius: var(--vc-call-box-radius, calc(var(--_radius) + 2px));
    border-end-start-radius: var(--vc-call-box-radius, calc(var(--_radius) + 2px));
    background: var(--_tag, transparent);
  }
  .header {
    display: flex;
    align-items: flex-start;
    gap: 8px;
  }
  .who {
    flex: 1;
    min-width: 0;
  }
  .party,
  .number {
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .party {
    font-size: calc(var(--_font-size) + 2px);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .number {
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .state {
    flex: none;
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 2px;
  }
  .chip {
    display: inline-flex;
    align-items: center;
    gap: 5px;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: calc(var(--_font-size) - 1px);
    font-weight: 600;
    white-space: nowrap;
    --_tone: var(--_text-muted);
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 12%, var(--_surface));
  }
  .chip::before {
    content: '';
    width: 7px;
    height: 7px;
    border-radius: 50%;
    background: currentColor;
  }
  .chip[data-tone='live'] {
    --_tone: var(--vc-call-box-ringing-color, var(--_accent));
  }
  .chip[data-tone='live']::before {
    animation: vc-pulse 1.2s ease-in-out infinite;
  }
  .chip[data-tone='good'] {
    --_tone: var(--vc-call-box-connected-color, var(--_success));
  }
  .chip[data-tone='held'] {
    --_tone: var(--vc-call-box-held-color, var(--_warning));
  }
  .chip[data-tone='bad'] {
    --_tone: var(--vc-call-box-failed-color, var(--_danger));
  }
  @keyframes vc-pulse {
    50% {
      opacity: 0.35;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .chip::before,
    .base {
      animation: none !important;
    }
  }
  .time {
    display: inline-flex;
    align-items: center;
    gap: 6px;
    color: var(--_text-muted);
  }
  .base:is([data-state='dialing'], [data-state='ringing'], [data-state='early-media'], [data-state='connected']) .time {
    min-height: 1lh;
  }
  .timer {
    font-variant-numeric: tabular-nums;
  }
  [data-state='connected'] .timer {
    color: var(--_text);
    font-weight: 600;
  }
  .badge {
    padding: 0 6px;
    border-radius: 4px;
    background: var(--_danger);
    color: var(--_on-danger);
    font-size: calc(var(--_font-size) - 2px);
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .detail,
  .meta,
  .muted-hint {
    margin: 0;
    color: var(--_text-muted);
    font-size: calc(var(--_font-size) - 1px);
  }
  .muted-hint {
    color: var(--_danger);
    font-weight: 600;
  }
  .level {
    display: inline-block;
    flex: none;
    width: 28px;
    height: 6px;
    border-radius: 3px;
    overflow: hidden;
    background: var(--_border, currentColor);
    contain: strict;
  }
  .level-bar {
    display: block;
    width: 100%;
    height: 100%;
    background: var(--vc-call-box-level-color, var(--vc-color-success, #1a7f37));
    transform: scaleX(0);
    transform-origin: left center;
  }
  .level[data-unknown] {
    opacity: 0.4;
  }
  .quality:empty {
    display: none;
  }
  .quality p {
    display: flex;
    align-items: center;
    gap: 6px;
    margin: 0;
    color: var(--vc-call-box-quality-color, var(--_text));
    font-size: calc(var(--_font-size) - 1px);
    font-weight: 600;
  }
  .quality svg {
    flex: none;
    width: 14px;
    height: 14px;
    color: var(--vc-color-warning, #9a6700);
  }
  .alert {
    display: flex;
    gap: 8px;
    padding: 8px 10px;
    border: 1px solid color-mix(in srgb, var(--_danger) 40%, transparent);
    border-radius: var(--_radius);
    background: var(--vc-call-box-alert-background, color-mix(in srgb, var(--_danger) 8%, var(--_surface)));
    color: var(--_text);
  }
  .alert svg {
    color: var(--_danger);
    margin-top: 1px;
  }
  .alert strong {
    display: block;
    color: var(--_danger);
  }
  .alert p {
    margin: 2px 0 0;
  }
  .keypad[hidden] {
    display: none;
  }
  .keypad {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .readout {
    margin: 0;
    padding: 4px 8px;
    min-height: 28px;
    border-radius: var(--_radius);
    background: var(--_surface-alt);
    color: var(--_text);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.06em;
    max-width: var(--vc-dialpad-max-width, 240px);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .dialog {
    width: min(360px, calc(100vw - 32px));
    padding: 20px;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 4px);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 16px 48px rgb(0 0 0 / 0.24);
  }
  .dialog::backdrop {
    background: var(--vc-call-box-backdrop, rgb(15 23 42 / 0.4));
  }
  .dialog-title {
    margin: 0 0 6px;
    font-size: calc(var(--_font-size) + 3px);
    font-weight: 600;
  }
  .dialog-text {
    margin: 0 0 14px;
    color: var(--_text-muted);
  }
  .checkbox {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 32px;
    cursor: pointer;
  }
  .checkbox input {
    width: 16px;
    height: 16px;
    margin: 0;
    accent-color: var(--_accent);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 8px;
    margin-top: 16px;
  }
`;
