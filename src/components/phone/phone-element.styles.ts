import { css } from 'lit';

export const phoneStyles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--vc-phone-gap, 12px);
    max-width: var(--vc-phone-max-width, 400px);
  }
  .connection {
    margin: 0;
    padding: 6px 10px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 10%, var(--_surface));
    color: var(--_text);
  }
`;
