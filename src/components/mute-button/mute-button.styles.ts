import { css } from 'lit';

export const muteButtonStyles = css`
  :host {
    display: inline-block;
  }
  .base {
    min-height: 36px;
  }
  .base[aria-pressed='true'] {
    background: var(--vc-mute-button-active-background, var(--_danger));
    border-color: var(--vc-mute-button-active-background, var(--_danger));
    color: var(--vc-mute-button-active-color, var(--_on-danger));
  }
  .base[aria-pressed='true']:hover:not(:disabled) {
    background: color-mix(in srgb, var(--vc-mute-button-active-background, var(--_danger)) 88%, black);
  }
`;
