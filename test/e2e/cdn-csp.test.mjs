// A third-party portal's page: nothing but the CDN script tag and a <vc-phone>, served with a
// strict Content-Security-Policy (no unsafe-inline, no unsafe-eval). A real call goes through
// the local stack like an agent would place it, and the browser reports no CSP violation.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { invitesTo, waitFor } from './stack/far-end.mjs';
import { launchBrowser, numbers, stackDir, startStaticServer } from './lib/harness.mjs';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' ws://127.0.0.1:5066",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The same policy, forgetting the SIP server in connect-src (a common mistake when embedding). */
const CSP_WITHOUT_SIP = CSP.replace(' ws://127.0.0.1:5066', '');

let browser;
let web;
let webWithoutSip;

before(async () => {
  browser = await launchBrowser();
  web = await startStaticServer({ headers: { 'content-security-policy': CSP } });
  webWithoutSip = await startStaticServer({ headers: { 'content-security-policy': CSP_WITHOUT_SIP } });
});

after(async () => {
  await browser?.close();
  await web?.close();
  await webWithoutSip?.close();
});

describe('CDN build under a strict Content-Security-Policy', () => {
  it('places a real call from a page with only the script tag and <vc-phone>, with no CSP violation', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['microphone'], { origin: web.origin });
    const page = await context.newPage();
    // Injected by the browser driver (not subject to the page's CSP): records violations from
    // the first byte on, in the document and in every shadow root (the events are composed).
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener(
        'securitypolicyviolation',
        (event) => window.cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`),
        true,
      );
    });
    const problems = [];
    page.on('console', (message) => {
      // The browser's own favicon request is no concern of the page's.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    const scripts = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });

    const response = await page.goto(`${web.origin}/test/e2e/pages/cdn-csp.html`);
    assert.equal(response.headers()['content-security-policy'], CSP, 'the page is served with the policy');
    const invitesBefore = invitesTo(stackDir, numbers.baresip).length;

    await page.getByRole('button', { name: 'Place call' }).click();
    const field = page.getByRole('textbox', { name: 'Phone number' });
    await field.pressSequentially('+44 20 7946 0958', { delay: 20 });
    await page.getByRole('button', { name: 'Call', exact: true }).click();

    const box = page.getByRole('group', { name: /Call with \+44 20 7946 0958/ });
    await box.getByText('Connected').first().waitFor({ timeout: 15000 });
    const invite = await waitFor(() => invitesTo(stackDir, numbers.baresip)[invitesBefore]);
    assert.match(invite.startLine, /^INVITE sip:\+442079460958@127\.0\.0\.1 /, 'the far end got the INVITE');

    await box.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Hang up' }).click();
    await box.getByText(/Ended/).first().waitFor({ timeout: 5000 });

    assert.deepEqual(await page.evaluate(() => window.cspViolations), [], 'no CSP violation');
    assert.deepEqual(problems, [], 'no console error or page error');
    // The page asked for the CDN entry only; the rest came as lazy chunks of the same build.
    assert.equal(scripts[0], '/cdn/vc-phone.js');
    assert.ok(scripts.every((file) => file.startsWith('/cdn/')), `scripts: ${scripts.join(', ')}`);
    assert.ok(scripts.some((file) => /\/chunks\/sip-engine-/.test(file)), 'sip.js arrived as its own chunk');
    await context.close();
  });

  it('says at once which connect-src entry is missing when the policy blocks the SIP server, and sends nothing', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['microphone'], { origin: webWithoutSip.origin });
    const page = await context.newPage();
    await page.goto(`${webWithoutSip.origin}/test/e2e/pages/cdn-csp.html`);
    const invitesBefore = invitesTo(stackDir, numbers.baresip).length;
    const startedAt = Date.now();
    await page.getByRole('button', { name: 'Place call' }).click();
    await page.getByRole('textbox', { name: 'Phone number' }).fill('+44 20 7946 0958');
    // Reaching for the field connects (warm-up); the blocked socket is reported at once, well
    // before the 10 s connection deadline: the pill says why in the page's words, Call stays off,
    // and the phone says what to fix (in English, for the developer) with the reason code.
    const words = /Content-Security-Policy blocks the SIP server: add ws:\/\/127\.0\.0\.1:5066 to its connect-src/;
    await page.getByText('Blocked by the page’s security policy').first().waitFor({ timeout: 8000 });
    assert.ok(Date.now() - startedAt < 8000);
    assert.equal(await page.getByRole('button', { name: 'Call', exact: true }).isDisabled(), true);
    const phone = await page.evaluate(() => {
      const { connectionState: state, connectionMessage: message, connectionReason: reason } = document.querySelector('vc-phone').phone;
      return { state, message, reason };
    });
    assert.equal(phone.state, 'disconnected');
    assert.equal(phone.reason, 'blocked');
    assert.match(phone.message, words);
    assert.equal(invitesTo(stackDir, numbers.baresip).length, invitesBefore, 'no INVITE reached the server');
    await context.close();
  });
  it('on a French page, the pill says the blocked server in French, never the English sentence', async () => {
    const context = await browser.newContext();
    await context.grantPermissions(['microphone'], { origin: webWithoutSip.origin });
    const page = await context.newPage();
    // The portal's page is in French (set by the browser driver before the page's own script).
    await page.addInitScript(() => document.addEventListener('readystatechange', () => document.documentElement.setAttribute('lang', 'fr'), { once: true }));
    await page.goto(`${webWithoutSip.origin}/test/e2e/pages/cdn-csp.html`);
    await page.getByRole('button', { name: 'Passer un appel' }).click();
    await page.getByRole('textbox', { name: 'Numéro de téléphone' }).fill('+44 20 7946 0958');
    await page.getByText('Bloqué par la politique de sécurité de la page').first().waitFor({ timeout: 8000 });
    assert.equal(await page.getByText(/Content-Security-Policy|SIP server/).count(), 0, 'no English sentence on the page');
    const shown = await page.evaluate(() => {
      const status = document.querySelector('vc-phone').shadowRoot.querySelector('vc-phone-status').shadowRoot;
      const connection = status.querySelector('[part="connection"]');
      return { text: connection.textContent.trim(), title: connection.title, reason: document.querySelector('vc-phone').phone.connectionReason };
    });
    assert.deepEqual(shown, { text: 'Bloqué par la politique de sécurité de la page', title: 'Bloqué par la politique de sécurité de la page', reason: 'blocked' });
    await context.close();
  });
});
