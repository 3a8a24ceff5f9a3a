/** The frame of every icon: 24 px grid, stroked, decorative (the buttons carrying them have names in words). */
import { svg, type SVGTemplateResult } from 'lit';

/** An icon of `content`: a function, so that the call is pure and an icon nothing uses is left out of a bundle. */
export const icon = (content: () => SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${content()}</svg>`;
