import { css } from 'lit';

export const phoneStatusStyles = css`
  :host {
    display: block;
  }
  .base {
    display: flex;
    align-items: center;
    gap: 8px;
    height: 28px;
    min-width: 0;
    color: var(--_text-muted);
  }
  .pill {
    display: inline-flex;
    flex: none;
    align-items: center;
    gap: 6px;
    padding: 2px 10px;
    border-radius: 999px;
    background: var(--_surface-alt);
    color: var(--_text);
    font-weight: 600;
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--_success);
  }
  [data-status='connecting'] .dot {
    background: var(--_accent);
  }
  [data-status='offline'] {
    background: color-mix(in srgb, var(--_warning) 16%, var(--_surface));
  }
  [data-status='offline'] .dot {
    background: var(--_warning);
  }
  .connection {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .retry {
    flex: none;
    margin-inline-start: auto;
    min-height: 28px;
    padding: 0 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
  }
  .retry:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
`;
