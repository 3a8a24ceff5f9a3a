/**
 * A `<vc-phone>` whose phone code arrives only when the test releases it: the CDN build's first
 * moments, when a click or an attribute comes before the lazy parts have loaded.
 */
import { fixture } from '@open-wc/testing';
import { VcPhone, type PhoneClass } from '../../src/components/phone/phone-element.js';
import { FakePhone } from '../../src/testing/fake-phone.js';
import { settled } from './helpers.js';

let release: (() => void) | undefined;
let count = 0;

export async function lazyPhone(attributes = ''): Promise<VcPhone> {
  const tag = `lazy-phone-fixture-${++count}`;
  customElements.define(
    tag,
    class extends VcPhone {
      static override Phone = undefined;
      static override loadPhone = (): Promise<PhoneClass> => new Promise<void>((resolve) => (release = resolve)).then(() => FakePhone as unknown as PhoneClass);
    },
  );
  const holder = await fixture<HTMLDivElement>(`<div><${tag} silent ${attributes}></${tag}></div>`);
  const el = holder.firstElementChild as VcPhone;
  await settled(el);
  return el;
}

/** Lets the phone code arrive; undefined while no element has asked for it yet. */
export const phoneRelease = (): (() => void) | undefined => release;

/** Forgets an earlier element's request (each test waits for its own). */
export function forgetPhoneRelease(): void {
  release = undefined;
}
