// A CRM page: a contact card with its own open shadow root (a link inside it), and a record of
// every vc- event that reaches the document, as a CRM listening once would.
customElements.define(
  'crm-contact-card',
  class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      this.attachShadow({ mode: 'open' }).innerHTML = '<a href="tel:+61291234567" data-vc-label="Bob Answer"><b>+61 2 9123 4567</b></a>';
    }
  },
);
const TYPES = ['vc-call-request', 'vc-call-dialing', 'vc-call-answered', 'vc-call-ended', 'vc-call-failed', 'vc-input-error'];
window.events = [];
for (const type of TYPES) {
  document.addEventListener(type, (event) => {
    window.events.push({ type, at: Date.now(), detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
  });
}
await customElements.whenDefined('vc-phone');
window.vcReady = true;
