import { css } from 'lit';

export const wrapUpStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: 6px;
    padding: 12px;
    border: 1px solid var(--vc-wrap-up-border-color, var(--_border));
    border-radius: var(--_radius);
    background: var(--vc-wrap-up-background, var(--_surface));
    color: var(--_text);
  }
  .title {
    margin: 0 0 4px;
    font-size: calc(var(--_font-size) + 1px);
  }
  .input {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 6px 8px;
  }
  .input:focus-visible {
    outline: var(--_focus-ring);
  }
  textarea {
    resize: vertical;
  }
  .actions {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 8px;
  }
  .timer {
    margin-right: auto;
    color: var(--_text-muted);
    font-variant-numeric: tabular-nums;
  }
  .error {
    margin: 0;
    color: var(--_danger);
  }
`;
