import { css } from 'lit';

export const phoneStyles = css`
  :host {
    display: block;
  }
  :host([theme='dark']) {
    --vc-color-scheme: dark;
  }
  :host([theme='light']) {
    --vc-color-scheme: light;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--vc-phone-gap, 12px);
    max-width: var(--vc-phone-max-width, none);
    padding: var(--vc-phone-padding, 0);
    border-radius: calc(var(--_radius) + 4px);
    background: var(--vc-phone-background, var(--_surface));
  }
  .audio-toggle {
    justify-self: start;
    align-self: flex-start;
    min-height: 28px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }
  .audio-toggle:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .problem {
    margin: 0;
    color: var(--_text-muted);
  }
  vc-phone-status {
    display: block;
    min-height: 28px;
  }
`;
