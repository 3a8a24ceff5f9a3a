// What every vc-phone element gets from its base class: define() that notices a second copy of
// vc-phone on the page.
import { expect } from '@open-wc/testing';
import { VcElement } from '../../src/internal/vc-element.js';
import { VERSION } from '../../src/internal/version.js';

/** Runs `body` and returns what it wrote with console.warn. */
function warningsOf(body: () => void): string[] {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
  try {
    body();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

let count = 0;
const freshTag = () => `vc-test-define-${++count}`;

describe('VcElement.define()', () => {
  it('registers the tag', () => {
    const tag = freshTag();
    class VcThing extends VcElement {}
    expect(warningsOf(() => VcThing.define(tag))).to.deep.equal([]);
    expect(customElements.get(tag)).to.equal(VcThing);
    expect(document.createElement(tag)).to.be.instanceOf(VcThing);
  });

  it('is silent when the same class is defined again (two imports of one copy)', () => {
    const tag = freshTag();
    class VcThing extends VcElement {}
    VcThing.define(tag);
    expect(warningsOf(() => VcThing.define(tag))).to.deep.equal([]);
  });

  it('warns once, naming the tag and both versions, when another copy of vc-phone has the tag', () => {
    const tag = freshTag();
    class CdnCopy extends VcElement {
      static override readonly version = '0.0.9';
    }
    class NpmCopy extends VcElement {}
    CdnCopy.define(tag);
    const warnings = warningsOf(() => {
      NpmCopy.define(tag);
      NpmCopy.define(tag);
    });
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain(`<${tag}>`);
    expect(warnings[0]).to.contain('0.0.9');
    expect(warnings[0]).to.contain(VERSION);
    expect(customElements.get(tag)).to.equal(CdnCopy); // the first definition stays
  });

  it('warns when the tag belongs to some other element (version unknown)', () => {
    const tag = freshTag();
    customElements.define(tag, class extends HTMLElement {});
    class VcThing extends VcElement {}
    const warnings = warningsOf(() => VcThing.define(tag));
    expect(warnings.length).to.equal(1);
    expect(warnings[0]).to.contain(`<${tag}>`);
    expect(warnings[0]).to.contain('version unknown');
  });

  it('knows its own version (the one in package.json)', async () => {
    const pkg = (await (await fetch('/package.json')).json()) as { version: string };
    expect(VcElement.version).to.equal(pkg.version);
  });
});
