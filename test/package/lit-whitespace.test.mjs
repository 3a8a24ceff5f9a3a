// The CDN build's Lit-template squeeze (scripts/lib/rollup-lit-whitespace.mjs): only layout
// whitespace and comments go; quoted strings, `${...}` parts and what separates values stay.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { squeezeCss, squeezeHtml } from '../../scripts/lib/rollup-lit-whitespace.mjs';

describe('Lit templates without their layout (CDN build)', () => {
  it('css: comments and layout go, every rule reads the same', () => {
    const css = `
  /* the element's tokens */
  :host { --_font: var(--vc-font-family, system-ui, 'Segoe UI',  Roboto);  }
  .a  .b:hover ,
  .c[aria-expanded='true'] > .d::before { content: 'a  b'; margin: 0 auto ; }
  @media (prefers-reduced-motion: reduce) { :host { --_motion: 0s; } }
`;
    assert.equal(
      squeezeCss(css),
      ":host{--_font:var(--vc-font-family,system-ui,'Segoe UI',Roboto)}.a .b:hover,.c[aria-expanded='true'] > .d::before{content:'a  b';margin:0 auto}@media (prefers-reduced-motion:reduce){:host{--_motion:0s}}",
    );
  });

  it('css: a space next to a `${...}` stays a space; a part with a backslash is left alone', () => {
    // margin: ${a} ${b}; → the middle part is one space
    assert.equal(squeezeCss(' ', false, false), ' ');
    assert.equal(squeezeCss(';\n  padding: ', false, false), ';padding:');
    assert.equal(squeezeCss('\n  .x { content: "\\2022"; }\n', true, true), '\n  .x { content: "\\2022"; }\n');
  });

  it('html: a run of whitespace with a line break becomes one space, nothing else changes', () => {
    assert.equal(squeezeHtml('<div part="base">\n      <button\n        type="button"  class="a">'), '<div part="base"> <button type="button"  class="a">');
    assert.equal(squeezeHtml('</span>'), '</span>');
  });
});
