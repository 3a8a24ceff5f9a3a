// The mock CRM: a contact list whose numbers call through <vc-phone>, and a log of the events a
// CRM would store. The local SIP stack's number plan comes from the demo server.
const phoneElement = document.getElementById('phone');
const status = document.getElementById('stack-status');
const log = document.getElementById('log');

const CONTACTS = [
  ['Alice Martin', 'Northwind Ltd', 'baresip'],
  ['Bruno Keller', 'Contoso GmbH', 'auth'],
  ['Chloé Dubois', 'Fabrikam SA', 'hangup'],
  ['Dev Patel', 'Tailspin Inc', 'busy'],
  ['Emma Jones', 'Litware LLC', 'noanswer'],
  ['Farid Haddad', 'Adatum Corp', 'notfound'],
  ['Grace Lee', 'Wingtip Pty', 'answer'],
];
const WHAT_HAPPENS = {
  baresip: 'answers, echoes your voice, reports DTMF',
  auth: 'needs the demo SIP password (set for you)',
  hangup: 'answers, then hangs up after 2 s',
  busy: 'busy (486)',
  noanswer: 'rings, no answer (408 after 3 s)',
  notfound: 'not found (404)',
  answer: 'answers (sipp), logs SIP INFO digits',
};

const stack = await fetch('/stack-status.json').then((r) => r.json()).catch(() => ({ available: false }));

if (stack.available) {
  status.textContent = `Local SIP stack running at ${stack.wsUrl}: calls are real (Kamailio, rtpengine, baresip, sipp on this machine).`;
  phoneElement.setAttribute('server', stack.wsUrl);
  // Credentials by property only, never an attribute: this is the stack's test-only account.
  phoneElement.auth = stack.credentials;
} else {
  status.classList.add('down');
  status.innerHTML = 'The local SIP stack is not running, so calls will fail to connect. Install it once with <code>sudo bash scripts/install-prerequisites.sh</code>, then restart <code>npm start</code> (or run <code>npm run stack</code> in another terminal).';
  phoneElement.setAttribute('server', stack.wsUrl ?? 'ws://127.0.0.1:5066');
}

const tbody = document.getElementById('contacts');
for (const [name, company, role] of CONTACTS) {
  const number = stack.numbers?.[role] ?? '';
  const row = document.createElement('tr');
  row.innerHTML = '<td></td><td></td><td><a></a></td><td class="note"></td>';
  row.cells[0].textContent = name;
  row.cells[1].textContent = company;
  const link = row.querySelector('a');
  link.href = `tel:${number}`;
  link.textContent = number;
  link.setAttribute('aria-label', `Call ${name}, ${number}`);
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    const phone = await phoneOf(phoneElement);
    phone.call(number, { context: { Contact: name, Company: company } }).catch(() => {
      /* refused input is shown by the element and logged below */
    });
  });
  row.cells[3].textContent = WHAT_HAPPENS[role];
  void phoneOf(phoneElement)
    .then((phone) => phone?.formatAsTyped(number))
    .then((formatted) => formatted && (link.textContent = formatted));
  tbody.append(row);
}

/** The element's Phone: the CDN build creates it lazily, and `phoneReady` loads it now. */
async function phoneOf(element) {
  await customElements.whenDefined('vc-phone');
  return element.phoneReady;
}

const EVENTS = ['vc-call-dialing', 'vc-call-ringing', 'vc-call-answered', 'vc-call-dtmf', 'vc-call-mute', 'vc-call-color',
  'vc-call-ended', 'vc-call-failed', 'vc-call-removed', 'vc-input-error', 'vc-connection-change'];
for (const type of EVENTS) {
  document.addEventListener(type, (event) => {
    const detail = event.detail ?? {};
    const call = detail.call;
    const item = document.createElement('li');
    const parts = [new Date().toLocaleTimeString(), type];
    if (call) parts.push(call.target.display);
    if (detail.digit) parts.push(`digit ${detail.digit}`);
    if (detail.outcome) parts.push(detail.outcome.message);
    if (detail.message && !detail.outcome) parts.push(detail.message);
    if (detail.state && !call) parts.push(detail.state);
    item.textContent = parts.join(' · ');
    log.prepend(item);
  });
}
