import { css } from 'lit';

export const callListStyles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--vc-call-list-gap, 8px);
  }
  .base:empty {
    display: none;
  }
`;
