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
  }
  vc-phone-status {
    display: block;
    min-height: 28px;
  }
`;
