// Records every vc- event that reaches the document, as a CRM page listening once would.
const TYPES = ['vc-call-request', 'vc-call-dialing', 'vc-call-ringing', 'vc-call-answered', 'vc-call-dtmf', 'vc-call-mute',
  'vc-call-color', 'vc-call-ended', 'vc-call-failed', 'vc-call-removed', 'vc-dtmf', 'vc-mute-change', 'vc-color-change',
  'vc-box-close', 'vc-box-remove', 'vc-input-error'];
window.events = [];
for (const type of TYPES) {
  document.addEventListener(type, (event) => {
    window.events.push({ type, at: Date.now(), detail: JSON.parse(JSON.stringify(event.detail ?? null)) });
  });
}
await customElements.whenDefined('vc-phone');
window.vcReady = true;
