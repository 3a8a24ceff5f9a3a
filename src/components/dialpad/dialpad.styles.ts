import { css } from 'lit';

export const dialpadStyles = css`
  :host {
    display: block;
  }
  .base {
    /* A keypad reads 1 2 3 from left to right in every language (as on phones): not mirrored, so
       the arrow keys keep moving the way they point. */
    direction: ltr;
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: var(--vc-dialpad-gap, 6px);
    max-width: var(--vc-dialpad-max-width, 240px);
  }
  .key {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    min-height: var(--vc-dialpad-key-height, 40px);
    padding: 2px 0;
    border: 1px solid var(--vc-dialpad-key-border-color, var(--_border));
    border-radius: var(--vc-dialpad-key-radius, var(--_radius));
    background: var(--vc-dialpad-key-background, var(--_surface));
    color: var(--_text);
    font: inherit;
    cursor: pointer;
    line-height: 1.1;
    transition:
      background-color 80ms,
      transform 80ms;
    user-select: none;
  }
  .key:hover:not(:disabled) {
    background: var(--_surface-alt);
  }
  .key:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .key:disabled {
    cursor: not-allowed;
    opacity: 0.5;
  }
  .key.pressed,
  .key:active:not(:disabled) {
    background: var(--vc-dialpad-key-pressed-background, color-mix(in srgb, var(--_accent) 16%, var(--_surface)));
    border-color: var(--_accent);
    transform: scale(0.96);
  }
  .digit {
    font-size: 16px;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .letters {
    font-size: 9px;
    letter-spacing: 0.08em;
    color: var(--_text-muted);
    min-height: 10px;
  }
`;
