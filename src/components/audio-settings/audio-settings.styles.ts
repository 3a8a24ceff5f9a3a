import { css } from 'lit';

export const audioSettingsStyles = css`
  :host {
    display: block;
  }
  .base {
    display: grid;
    gap: var(--vc-audio-settings-gap, 10px);
    padding: var(--vc-audio-settings-padding, 12px);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--vc-audio-settings-background, var(--_surface));
    color: var(--_text);
    font-family: var(--_font-family, inherit);
  }
  h2 {
    margin: 0;
    font-size: 1.05em;
  }
  .field {
    display: grid;
    gap: 4px;
  }
  label {
    font-weight: 600;
  }
  select {
    min-height: 32px;
    padding: 0 8px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  select:focus-visible,
  input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  fieldset {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 8px 10px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  legend {
    font-weight: 600;
  }
  fieldset label {
    display: flex;
    align-items: center;
    gap: 8px;
    font-weight: 400;
  }
  .hint,
  .unsupported {
    margin: 0;
    color: var(--_text-muted);
  }
  .notice:not(:empty) {
    margin: 0;
    padding: 6px 10px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_warning) 16%, var(--_surface));
  }
  .report {
    display: grid;
    gap: 6px;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .report li {
    padding: 6px 10px;
    border-left: 4px solid var(--_success);
    border-radius: var(--_radius);
    background: var(--_surface-alt);
  }
  .report li[data-status='warn'] {
    border-left-color: var(--_warning);
  }
  .report li[data-status='fail'] {
    border-left-color: var(--_danger);
  }
  .item-status {
    font-weight: 600;
  }
  .fix {
    display: block;
    color: var(--_text-muted);
  }
`;
