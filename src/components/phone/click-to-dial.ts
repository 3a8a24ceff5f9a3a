/**
 * Click-to-dial: while on, ONE delegated `click` listener on the document catches a plain click
 * on a `tel:`, `sip:` or `sips:` link anywhere in the page (links inside open shadow roots and
 * links added later included, found through `composedPath()`: no observer per link) and dials it
 * through the host. A click with a modifier key (Ctrl, Meta, Shift, Alt), another button, or one
 * a page handler already cancelled keeps the browser's default. A link may carry the contact's
 * name and record: `data-vc-label="Alice Martin" data-vc-record='{"id":"C-1"}'` (read by `link-request.ts`,
 * which loads with the phone).
 */
import type { ReactiveController } from 'lit';
import type { VcPhone } from './phone-element.js';
import { loadWiring } from './phone-wiring-loader.js';

const DIALLABLE = /^(?:tel|sips?):/i;

/** The `tel:`/`sip:` link a click went to, if any (the innermost link on its composed path). */
export function dialledLink(event: MouseEvent): HTMLAnchorElement | HTMLAreaElement | undefined {
  for (const node of event.composedPath()) {
    if (!(node instanceof Element)) continue;
    if (node.localName === 'a' || node.localName === 'area') {
      const href = node.getAttribute('href')?.trim() ?? '';
      return DIALLABLE.test(href) ? (node as HTMLAnchorElement) : undefined;
    }
  }
  return undefined;
}

export class ClickToDial implements ReactiveController {
  private listening: Document | undefined;

  constructor(private readonly host: VcPhone) {
    host.addController(this);
  }

  hostConnected(): void {
    this.sync();
  }
  hostUpdated(): void {
    this.sync();
  }
  hostDisconnected(): void {
    this.sync();
  }

  /** Listens while the host is in the page with `click-to-dial` on. */
  private sync(): void {
    const want = this.host.isConnected && this.host.clickToDial ? this.host.ownerDocument : undefined;
    if (want === this.listening) return;
    this.listening?.removeEventListener('click', this.onClick);
    want?.addEventListener('click', this.onClick);
    this.listening = want;
  }

  private readonly onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    const link = dialledLink(event);
    if (!link) return;
    // One phone per click: the first <vc-phone> with click-to-dial takes it.
    event.preventDefault();
    // Its address and contact are read with the phone wiring (link-request.ts): a copy keeps them as clicked.
    const copy = link.cloneNode() as Element;
    void this.host.phoneReady; // loads the phone now
    void loadWiring().then((wiring) => wiring.dialLink(this.host, copy));
  };
}
