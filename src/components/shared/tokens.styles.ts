import { css } from 'lit';

/**
 * Private shorthands for the global theme tokens, declared on each element's inner `.base`
 * (never on `:host`), so that a page's `--vc-*` values on `:root` always win.
 */
export const tokens = css`
  .base {
    --_accent: var(--vc-color-accent, #2458d6);
    --_on-accent: var(--vc-color-on-accent, #ffffff);
    --_danger: var(--vc-color-danger, #c4320a);
    --_on-danger: var(--vc-color-on-danger, #ffffff);
    --_success: var(--vc-color-success, #18794e);
    --_warning: var(--vc-color-warning, #9a5b00);
    --_surface: var(--vc-color-surface, #ffffff);
    --_surface-alt: var(--vc-color-surface-alt, #f4f5f7);
    --_hover: var(--vc-color-hover, rgb(27 31 36 / 0.06));
    --_text: var(--vc-color-text, #1c2128);
    --_text-muted: var(--vc-color-text-muted, #59636e);
    --_border: var(--vc-color-border, #d1d7de);
    --_radius: var(--vc-radius, 6px);
    --_font: var(--vc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--vc-font-size, 13px);
    --_focus-ring: var(--vc-focus-ring, 2px solid var(--_accent));
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_text);
    box-sizing: border-box;
  }
  .base *,
  .base *::before,
  .base *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  svg.icon {
    width: 16px;
    height: 16px;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;

/** Buttons: neutral by default; `.primary` (accent), `.danger`, `.icon-button` (square, icon only). */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
    white-space: nowrap;
    transition:
      background-color 120ms,
      border-color 120ms,
      color 120ms;
  }
  .button:hover:not(:disabled) {
    background: var(--_surface-alt);
  }
  .button:focus-visible,
  input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .button.danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_danger) 88%, black);
  }
  .button.icon-button {
    width: 32px;
    padding: 0;
    border-color: transparent;
    background: transparent;
    color: var(--_text-muted);
  }
  .button.icon-button:hover:not(:disabled) {
    background: var(--_hover);
    color: var(--_text);
  }
`;
