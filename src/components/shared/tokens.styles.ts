import { css, unsafeCSS } from 'lit';

/**
 * The shipped token sets: [token, private shorthand, light value, dark value]. A page overrides
 * any of them with `--vc-<token>` on `:root` (or any ancestor); colours have a light and a dark
 * value, chosen by the element's colour scheme (see `themeStyles`). Text colours keep a contrast
 * of at least 4.5:1 on the surfaces in both sets.
 */
const COLOR_TOKENS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['color-accent', 'accent', '#2458d6', '#7aa7ff'],
  ['color-on-accent', 'on-accent', '#ffffff', '#0d1117'],
  ['color-danger', 'danger', '#c4320a', '#ff7b72'],
  ['color-on-danger', 'on-danger', '#ffffff', '#0d1117'],
  ['color-success', 'success', '#18794e', '#4cc38a'],
  ['color-warning', 'warning', '#9a5b00', '#e3b341'],
  ['color-surface', 'surface', '#ffffff', '#1d2127'],
  ['color-surface-alt', 'surface-alt', '#f4f5f7', '#262b33'],
  ['color-hover', 'hover', 'rgb(27 31 36 / 0.06)', 'rgb(255 255 255 / 0.08)'],
  ['color-text', 'text', '#1c2128', '#e6e9ed'],
  ['color-text-muted', 'text-muted', '#59636e', '#a3acb9'],
  ['color-border', 'border', '#d1d7de', '#3b424d'],
];

const declarations = (pick: (light: string, dark: string) => string) =>
  COLOR_TOKENS.map(([token, short, light, dark]) => `--_${short}: var(--vc-${token}, ${pick(light, dark)});`).join('');

/**
 * Private shorthands for the global theme tokens, declared on each element's inner `.base`
 * (never on `:host`), so that a page's `--vc-*` values on `:root` always win. The colour scheme
 * comes from `--vc-color-scheme` (inherited; `<vc-phone theme="dark">` sets it), else it follows
 * the system (`prefers-color-scheme`), with `light-dark()` where the browser has it.
 */
export const tokens = css`
  .base {
    ${unsafeCSS(declarations((light) => light))}
    color-scheme: var(--vc-color-scheme, light dark);
    --_radius: var(--vc-radius, 6px);
    --_font: var(--vc-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
    --_font-size: var(--vc-font-size, 13px);
    --_focus-ring: var(--vc-focus-ring, 2px solid var(--_accent));
    --_motion: var(--vc-motion-duration, 160ms);
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: 1.4;
    color: var(--_text);
    box-sizing: border-box;
  }
  @supports (color: light-dark(#000, #fff)) {
    .base {
      ${unsafeCSS(declarations((light, dark) => `light-dark(${light}, ${dark})`))}
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .base {
      --_motion: 0s;
    }
  }
  .base *,
  .base *::before,
  .base *::after {
    box-sizing: inherit;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  svg.icon {
    width: 16px;
    height: 16px;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
`;

/** Buttons: neutral by default; `.primary` (accent), `.danger`, `.icon-button` (square, icon only). */
export const buttons = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 6px;
    min-height: 32px;
    padding: 0 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    font-weight: 500;
    cursor: pointer;
    white-space: nowrap;
    transition:
      background-color var(--_motion),
      border-color var(--_motion),
      color var(--_motion);
  }
  .button:hover:not(:disabled) {
    background: var(--_surface-alt);
  }
  .button:focus-visible,
  input:focus-visible {
    outline: var(--_focus-ring);
    outline-offset: 2px;
  }
  .button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  .button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_accent) 88%, black);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_on-danger);
  }
  .button.danger:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_danger) 88%, black);
  }
  .button.icon-button {
    width: 32px;
    padding: 0;
    border-color: transparent;
    background: transparent;
    color: var(--_text-muted);
  }
  .button.icon-button:hover:not(:disabled) {
    background: var(--_hover);
    color: var(--_text);
  }
`;
