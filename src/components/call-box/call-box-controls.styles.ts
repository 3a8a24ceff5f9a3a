import { css } from 'lit';

/**
 * The call box's controls row (call-box-controls.ts): one row, in the order it is tabbed. The
 * call's own controls (Mute, Hold, Merge, Transfer) from the start edge; Hang up, Keypad, the
 * colour tag and the X (or bin) from the end edge, as one group (`.end`), so that Hang up does not
 * move when Mute and Hold appear on answer or Merge comes and goes (before the answer an
 * invisible stand-in holds the Keypad's place), and the X never leaves the colour tag.
 *
 * Transfer is `<vc-transfer>` (or its stand-in until it has loaded) with `display: contents`: its
 * button is one of the row's controls, and its form and words (order: 1, a whole line) open
 * under the row, before the keypad. Its arrow points the way the text reads (to the left in Arabic).
 *
 * As the box narrows, labels give way to icons (their names stay for screen readers and
 * tooltips): every button but Hang up at 840 px (the longest words of the seven locales, German,
 * need 818 px), Hang up too at 460 px (French needs 439 px with it), then 44 px Hang up and 36 px
 * squares down to 361 px, 32 px squares (40 px Hang up) down to 320 px and 28 px squares (36 px
 * Hang up) under 320 px, so the row stays one line down to a 281 px box, with a gap of 8 px or
 * more between Transfer and Hang up. Narrower, the row wraps between its two groups: the call's
 * controls on the first line, Hang up to the X at the end of the second.
 * (Comments stay out of the template: they would ship.)
 */
export const callBoxControlsStyles = css`
  .controls {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 6px;
  }
  .end {
    display: flex;
    align-items: center;
    gap: inherit;
    margin-inline-start: auto;
  }
  vc-transfer,
  vc-transfer::part(base),
  .transfer-door {
    display: contents;
  }
  .transfer-door > :not(.transfer-toggle) {
    flex: 1 1 100%;
    order: 1;
  }
  .transfer-toggle svg:dir(rtl) {
    transform: scaleX(-1);
  }
  .controls .button,
  vc-transfer::part(transfer-button) {
    min-height: 36px;
  }
  .controls .button:not(.icon-button),
  vc-transfer::part(transfer-button) {
    align-self: center;
    padding: 0 10px;
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
  @container vc-call-box (max-width: 840px) {
    .controls .button:not(.hangup) .label,
    vc-mute-button::part(label),
    vc-transfer::part(transfer-button-label) {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .controls .button:not(.icon-button, .hangup),
    vc-mute-button::part(base),
    vc-transfer::part(transfer-button) {
      padding: 0 9px;
    }
  }
  @container vc-call-box (max-width: 460px) {
    .controls {
      column-gap: 4px;
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
  @container vc-call-box (max-width: 360px) {
    .controls {
      column-gap: 3px;
    }
    .controls .button,
    vc-mute-button::part(base),
    vc-transfer::part(transfer-button),
    vc-color-tag::part(trigger) {
      min-height: 32px;
    }
    .controls .button:not(.icon-button, .hangup),
    vc-mute-button::part(base),
    vc-transfer::part(transfer-button) {
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
  @container vc-call-box (width < 320px) {
    .controls .button,
    vc-mute-button::part(base),
    vc-transfer::part(transfer-button),
    vc-color-tag::part(trigger) {
      min-height: 28px;
    }
    .controls .button:not(.icon-button, .hangup),
    vc-mute-button::part(base),
    vc-transfer::part(transfer-button) {
      padding: 0 5px;
    }
    .controls .close,
    .controls .remove,
    vc-color-tag::part(trigger) {
      width: 28px;
    }
    .hangup {
      min-width: 36px;
    }
    .controls .button.hangup {
      padding: 0 9px;
    }
  }
`;
