import { css } from 'lit';

export const callListStyles = css`
  :host {
    display: block;
    container: vc-call-list / inline-size;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--vc-call-list-gap, 8px);
  }
  .live {
    display: grid;
    grid-template-columns: 1fr;
    gap: var(--vc-call-list-gap, 8px);
    align-items: start;
  }
  @container vc-call-list (min-width: 640px) {
    .live {
      grid-template-columns: repeat(auto-fill, minmax(var(--vc-call-list-column-width, 300px), 1fr));
    }
  }
  .recent {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .recent-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    min-height: 32px;
  }
  .recent-heading {
    margin: 0;
    color: var(--_text-muted);
    font-size: calc(var(--_font-size) - 1px);
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.06em;
  }
  .button.quiet {
    min-height: 28px;
    padding: 0 8px;
    border-color: transparent;
    background: transparent;
    color: var(--_accent);
  }
  .button.quiet:hover:not(:disabled) {
    background: var(--_hover);
  }
  .rows {
    margin: 0;
    padding: 0;
    list-style: none;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) + 2px);
    background: var(--_surface);
    overflow: hidden;
  }
  .row + .row {
    border-top: 1px solid var(--_border);
  }
  .row-group {
    position: relative;
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 40px;
    padding: 2px 4px;
    padding-inline-start: 12px;
    animation: vc-fold var(--_motion) ease-out;
  }
  .row-group:focus {
    outline: none;
  }
  .row-group:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: -2px;
  }
  @keyframes vc-fold {
    from {
      opacity: 0;
      transform: scaleY(0.85);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .row-group {
      animation: none;
    }
  }
  .row-stripe {
    position: absolute;
    inset-block: 0;
    inset-inline-start: 0;
    width: 4px;
    background: var(--_tag, transparent);
  }
  .row-party {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  .row-time {
    flex: none;
    color: var(--_text-muted);
    font-size: calc(var(--_font-size) - 1px);
    font-variant-numeric: tabular-nums;
  }
  .row .button {
    min-height: 32px;
  }
  .row-again {
    padding: 0 8px;
  }
  .chip {
    flex: none;
    padding: 1px 8px;
    border-radius: 999px;
    font-size: calc(var(--_font-size) - 1px);
    font-weight: 600;
    white-space: nowrap;
    --_tone: var(--_text-muted);
    color: var(--_tone);
    background: color-mix(in srgb, var(--_tone) 12%, var(--_surface));
  }
  .chip[data-tone='bad'] {
    --_tone: var(--vc-call-box-failed-color, var(--_danger));
  }
  .more {
    align-self: center;
  }
  @container vc-call-list (max-width: 420px) {
    .row-again .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .row-again {
      width: 32px;
      padding: 0;
    }
  }
`;
