import { css } from 'lit';

export const muteButtonStyles = css`
  :host {
    display: inline-block;
  }
  .base {
    min-width: 84px;
  }
  .base[aria-pressed='true'] {
    background: var(--vc-mute-button-active-background, color-mix(in srgb, var(--_danger) 12%, var(--_surface)));
    border-color: var(--vc-mute-button-active-color, var(--_danger));
    color: var(--vc-mute-button-active-color, var(--_danger));
  }
  .base[aria-pressed='true']:hover:not(:disabled) {
    background: var(--vc-mute-button-active-background, color-mix(in srgb, var(--_danger) 18%, var(--_surface)));
  }
`;
