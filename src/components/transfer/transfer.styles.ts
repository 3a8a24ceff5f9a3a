import { css } from 'lit';

/**
 * The arrow of "Transfer" points the way the text reads (to the left in Arabic).
 * `.base > :not(.toggle)`: in a call box the base is `display: contents`, so "Transfer" is one of
 * the box's row of controls and the rest (the field's panel, what is under way, why it failed)
 * goes on a line of its own under that row (call-box-controls.styles.ts). In the element's own
 * column (alone on a page) the rule changes nothing. (Comments stay out of the template: they
 * would ship.)
 */
export const transferStyles = css`
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
  }
  .toggle[aria-expanded='true'] {
    background: var(--_surface-alt);
    border-color: var(--_accent);
  }
  .toggle svg:dir(rtl) {
    transform: scaleX(-1);
  }
  .base > :not(.toggle) {
    flex: 1 1 100%;
    order: 1;
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: 6px;
    padding: 10px;
    border: 1px solid var(--vc-transfer-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--vc-transfer-background, var(--_surface));
  }
  label {
    font-weight: 600;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
  }
  .row .button {
    min-height: 36px;
  }
  .button[aria-disabled='true'] {
    opacity: 0.55;
    cursor: not-allowed;
  }
  .input {
    min-height: 36px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-variant-numeric: tabular-nums;
  }
  .input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 0;
    border-color: var(--_accent);
  }
  .input[aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .help,
  .status,
  .problem {
    display: flex;
    gap: 6px;
    margin: 0;
    font-size: calc(var(--_font-size) - 1px);
    color: var(--_text-muted);
  }
  .help.error,
  .problem {
    color: var(--vc-transfer-error-color, var(--_danger));
  }
  .help svg,
  .problem svg {
    flex: none;
    width: 14px;
    height: 14px;
    margin-top: 1px;
  }
`;
