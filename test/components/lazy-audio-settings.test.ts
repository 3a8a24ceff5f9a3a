// <vc-phone> as the CDN build uses it: <vc-audio-settings> is not defined up front (src/cdn/lazy-tags.ts
// loads it on first need). A real press of "Audio settings" waits for its code (busy meanwhile,
// more presses are that same press), then opens the panel with focus left on the button; once
// loaded, a press opens it at once; a load that fails says so and the next press tries again.
// This file runs in a page of its own, where nothing has defined <vc-audio-settings> before.
import { expect, fixture } from '@open-wc/testing';
import '../../src/components/place-call/vc-place-call.js';
import { VcPhone, type PhoneClass } from '../../src/components/phone/phone-element.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { deepActiveElement, getByRole, settled, textOf, until, mouseClick } from './helpers.js';

customElements.define(
  'lazy-audio-phone',
  class extends VcPhone {
    static override Phone = FakePhone as unknown as PhoneClass;
  },
);

async function mount(): Promise<VcPhone> {
  const el = await fixture<VcPhone>('<lazy-audio-phone silent></lazy-audio-phone>');
  await settled(el);
  return el;
}

const panel = (el: VcPhone) => el.shadowRoot!.querySelector('[part="audio-settings"]');
const toggle = (el: VcPhone) => getByRole(el, 'button', 'Audio settings');

describe('<vc-phone>: the audio settings load on first use (CDN build)', () => {
  after(() => {
    VcPhone.needTag = undefined;
  });

  it('code that cannot load: words under the button, nothing wedges, nothing opens', async () => {
    let needs = 0;
    VcPhone.needTag = () => {
      needs++;
      return Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
    };
    const el = await mount();
    await mouseClick(toggle(el));
    await until(() => el.shadowRoot!.querySelector('[part="audio-settings-problem"]') !== null, 'the words for a failed load');
    const problem = el.shadowRoot!.querySelector('[part="audio-settings-problem"]')!;
    expect(problem.getAttribute('role')).to.equal('alert');
    expect(textOf(problem)).to.equal('Audio settings could not be loaded. Check the connection and try again.');
    expect(toggle(el).getAttribute('aria-busy')).to.equal('false');
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect(panel(el)).to.equal(null);
    await settled(el);
    await expect(el).to.be.accessible();
    await mouseClick(toggle(el));
    await until(() => needs === 2, 'the next press tries again');
  });

  it('a press while the code loads is not lost: the panel opens once it is there, focus stays on the button; later presses open and close it at once', async () => {
    let release: (() => void) | undefined;
    const needs: string[] = [];
    VcPhone.needTag = (tag) => {
      needs.push(tag);
      return new Promise<void>((resolve) => (release = resolve)).then(() => import('../../src/components/audio-settings/vc-audio-settings.js'));
    };
    const el = await mount();
    expect(customElements.get('vc-audio-settings')).to.equal(undefined, 'showing the phone does not load the panel');
    expect(needs).to.deep.equal([]);

    await mouseClick(toggle(el));
    await until(() => toggle(el).getAttribute('aria-busy') === 'true', 'busy while the panel loads');
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('false');
    expect(panel(el)).to.equal(null, 'no empty panel while its code loads');
    await mouseClick(toggle(el)); // a second press while loading is the same press
    expect(needs).to.deep.equal(['vc-audio-settings']);

    release!();
    await until(() => panel(el) !== null, 'the panel opens once its code is there');
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part="audio-settings-problem"]')).to.equal(null);
    expect(toggle(el).getAttribute('aria-expanded')).to.equal('true');
    expect(toggle(el).getAttribute('aria-busy')).to.equal('false');
    expect(customElements.get('vc-audio-settings')).to.not.equal(undefined);
    expect(deepActiveElement()).to.equal(toggle(el), 'focus stays on "Audio settings"');
    await expect(el).to.be.accessible();

    // Loaded: a press closes and the next opens at once (no wait for any code).
    await mouseClick(toggle(el));
    await settled(el);
    expect(panel(el)).to.equal(null);
    await mouseClick(toggle(el));
    await el.updateComplete;
    expect(panel(el)).to.not.equal(null, 'opens in the same update as the press');
    expect(needs).to.deep.equal(['vc-audio-settings'], 'no second load');
  });
});
