import { css } from 'lit';

export const colorTagStyles = css`
  :host {
    display: inline-block;
  }
  .base {
    position: relative;
    display: inline-block;
  }
  .trigger {
    width: 36px;
    min-height: 36px;
    padding: 0;
    border-color: transparent;
    background: transparent;
    color: var(--_text-muted);
  }
  .trigger:hover:not(:disabled) {
    background: var(--_hover);
    color: var(--_text);
  }
  .trigger .swatch {
    width: 16px;
    height: 16px;
  }
  .swatch {
    width: 10px;
    height: 10px;
    border-radius: 50%;
    flex: none;
    background: var(--_tag, transparent);
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_tag, var(--_text-muted)) 70%, black);
  }
  .swatch.none {
    background:
      linear-gradient(135deg, transparent 45%, var(--_text-muted) 45%, var(--_text-muted) 55%, transparent 55%);
    box-shadow: inset 0 0 0 1px var(--_text-muted);
  }
  .menu {
    position: absolute;
    z-index: 10;
    top: calc(100% + 4px);
    inset-inline-end: 0;
    min-width: 150px;
    animation: vc-pop var(--_motion) ease-out;
    margin: 0;
    padding: 4px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--vc-color-tag-menu-background, var(--_surface));
    box-shadow: 0 6px 20px rgb(0 0 0 / 0.14);
  }
  .menu.flip-x {
    inset-inline-end: auto;
    inset-inline-start: 0;
  }
  .menu.flip-y {
    top: auto;
    bottom: calc(100% + 4px);
  }
  @keyframes vc-pop {
    from {
      opacity: 0;
      transform: scale(0.97);
    }
  }
  .option {
    display: flex;
    align-items: center;
    gap: 8px;
    min-height: 32px;
    padding: 0 8px;
    border-radius: calc(var(--_radius) - 2px);
    cursor: pointer;
    position: relative;
  }
  .option:hover {
    background: var(--_hover);
  }
  .option input {
    position: absolute;
    opacity: 0;
    width: 1px;
    height: 1px;
    margin: 0;
  }
  .option:has(input:focus-visible) {
    outline: var(--_focus-ring);
    outline-offset: -2px;
  }
  .option .check {
    margin-inline-start: auto;
    visibility: hidden;
    color: var(--_accent);
  }
  .option:has(input:checked) .check {
    visibility: visible;
  }
  .option:has(input:checked) {
    font-weight: 600;
  }
`;
