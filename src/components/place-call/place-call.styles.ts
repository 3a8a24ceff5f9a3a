import { css } from 'lit';

export const placeCallStyles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: 8px;
  }
  .toggle {
    align-self: flex-start;
    min-height: 36px;
    padding: 0 16px;
  }
  .toggle[aria-expanded='true'] {
    background: var(--_surface);
    border-color: var(--_border);
    color: var(--_text);
  }
  .toggle[aria-expanded='true']:hover:not(:disabled) {
    background: var(--_surface-alt);
  }
  .disabled-reason {
    margin: 0;
    color: var(--_text-muted);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 4px;
    padding: 12px;
    border: 1px solid var(--vc-place-call-border-color, var(--_border));
    border-radius: calc(var(--_radius) + 2px);
    background: var(--vc-place-call-background, var(--_surface));
  }
  label {
    font-weight: 600;
  }
  .row {
    display: flex;
    gap: 8px;
  }
  .input {
    flex: 1;
    min-width: 0;
    min-height: 36px;
    padding: 0 10px;
    border: 1px solid var(--vc-place-call-input-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--vc-place-call-input-background, var(--_surface));
    color: var(--_text);
    font: inherit;
    font-size: calc(var(--_font-size) + 1px);
    font-variant-numeric: tabular-nums;
    letter-spacing: 0.02em;
  }
  .input::placeholder {
    color: var(--_text-muted);
    opacity: 0.7;
  }
  .input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 0;
    border-color: var(--_accent);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .input[aria-invalid='true']:focus-visible {
    outline-color: var(--_danger);
  }
  .call-button {
    min-height: 36px;
    min-width: 72px;
  }
  .help {
    display: flex;
    gap: 6px;
    margin: 2px 0 0;
    min-height: 18px;
    font-size: calc(var(--_font-size) - 1px);
    color: var(--_text-muted);
  }
  .caller-id {
    display: flex;
    align-items: center;
    gap: 8px;
    margin-top: 6px;
  }
  .caller-id select {
    flex: 1;
    min-width: 0;
  }
  .help.error {
    color: var(--vc-place-call-error-color, var(--_danger));
  }
  .help svg {
    width: 14px;
    height: 14px;
    margin-top: 1px;
  }
`;
