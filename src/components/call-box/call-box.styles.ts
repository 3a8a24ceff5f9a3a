import { css } from 'lit';

export const callBoxStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 8px;
    padding: 10px 10px 12px 16px;
    border: 1px solid var(--vc-call-box-border-color, var(--_border));
    border-radius: var(--vc-call-box-radius, calc(var(--_radius) + 2px));
    background: var(--vc-call-box-background, var(--_surface));
    box-shadow: var(--vc-call-box-shadow, 0 1px 2px rgb(0 0 0 / 0.06));
  }
  .base:focus {
    outline: none;
  }
  .base:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .stripe {
    position: absolute;
    inset: -1px auto -1px -1px;
    width: 5px;
    border-radius: var(--vc-call-box-radius, calc(var(--_radius) + 2px)) 0 0 var(--vc-call-box-radius, calc(var(--_radius) + 2px));
    background: var(--_tag, transparent);
  }
  .header {
    display: flex;
    align-items: center;
    gap: 4px;
    min-height: 32px;
  }
  .party {
    flex: 1;
    min-width: 0;
    margin: 0;
    font-size: calc(var(--_font-size) + 2px);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .status-row {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    margin-top: -6px;
    color: var(--_text-muted);
  }
  .status {
    display: inline-flex;
    align-items: baseline;
    gap: 6px;
    min-width: 0;
  }
  .status-text {
    color: var(--_text);
  }
  .dot {
    flex: none;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_text-muted);
    transform: translateY(-1px);
  }
  [data-state='ringing'] .dot,
  [data-state='early-media'] .dot,
  [data-state='dialing'] .dot {
    background: var(--vc-call-box-ringing-color, var(--_accent));
    animation: vc-pulse 1.2s ease-in-out infinite;
  }
  [data-state='connected'] .dot {
    background: var(--vc-call-box-connected-color, var(--_success));
  }
  [data-state='failed'] .dot {
    background: var(--vc-call-box-failed-color, var(--_danger));
  }
  [data-state='failed'] .status-text {
    color: var(--vc-call-box-failed-color, var(--_danger));
  }
  [data-state='connected'] .status-text {
    color: var(--vc-call-box-connected-color, var(--_success));
    font-weight: 600;
  }
  .timer {
    flex: none;
    font-variant-numeric: tabular-nums;
  }
  [data-state='connected'] .timer {
    color: var(--_text);
    font-weight: 600;
  }
  .meta {
    color: var(--_text-muted);
    font-size: calc(var(--_font-size) - 1px);
    margin-top: -4px;
  }
  @keyframes vc-pulse {
    50% {
      opacity: 0.35;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .dot {
      animation: none !important;
    }
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
  .controls {
    display: flex;
    align-items: center;
    gap: 8px;
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
