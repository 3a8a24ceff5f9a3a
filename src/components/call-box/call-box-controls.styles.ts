import { css } from 'lit';

/**
 * The call box's controls row (call-box-controls.ts): one row, in the order it is tabbed. The
 * call's own controls (Mute, Hold, Merge) from the start edge; Hang up, Keypad, the colour tag and
 * the X (or bin) from the end edge, so that Hang up does not move when Mute and Hold appear on
 * answer or Merge comes and goes (before the answer an invisible stand-in holds the Keypad's
 * place). As the box narrows, labels give way to icons (their names stay for screen readers and
 * tooltips): every button but Hang up at 620 px, Hang up too at 400 px (44 px wide, the others
 * 36 px squares), then 32 px squares (40 px Hang up) at 330 px, so the row stays one line down to
 * a 290 px box; wrapping is a last resort below that. (Comments stay out of the template: they
 * would ship.)
 */
export const callBoxControlsStyles = css`
  .controls {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 6px;
  }
  .controls .button {
    min-height: 36px;
  }
  .controls .button:not(.icon-button) {
    padding: 0 10px;
  }
  .spacer {
    display: none;
  }
  .spacer + * {
    margin-inline-start: auto;
  }
  .stand-in {
    visibility: hidden;
  }
  .hangup {
    min-width: 44px;
  }
  .hangup[aria-disabled='true'] {
    opacity: 0.55;
    cursor: progress;
  }
  .keypad-toggle[aria-expanded='true'] {
    background: var(--_surface-alt);
    border-color: var(--_accent);
  }
  .controls .close,
  .controls .remove {
    width: 36px;
  }
  @container vc-call-box (max-width: 620px) {
    .controls .button:not(.hangup) .label,
    vc-mute-button::part(label) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .controls .button:not(.icon-button, .hangup),
    vc-mute-button::part(base) {
      padding: 0 9px;
    }
  }
  @container vc-call-box (max-width: 400px) {
    .controls {
      gap: 4px;
    }
    .hangup .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .controls .button.hangup {
      padding: 0 13px;
    }
  }
  @container vc-call-box (max-width: 330px) {
    .controls .button,
    vc-mute-button::part(base),
    vc-color-tag::part(trigger) {
      min-height: 32px;
    }
    .controls .button:not(.icon-button, .hangup),
    vc-mute-button::part(base) {
      padding: 0 7px;
    }
    .controls .close,
    .controls .remove,
    vc-color-tag::part(trigger) {
      width: 32px;
    }
    .hangup {
      min-width: 40px;
    }
    .controls .button.hangup {
      padding: 0 11px;
    }
  }
`;
