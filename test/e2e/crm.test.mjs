// A CRM page with the drop-in element (CDN build) against the real stack: click-to-dial of tel:
// links (one inside a widget's shadow root) with real pointer clicks, a first click made while the
// phone's code is still loading, and the call history after real calls. Assertions read the far end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invitesTo, messagesForCall, waitFor } from './stack/far-end.mjs';
import { numbers, sleep, stackDir, useBrowserAndServer } from './lib/harness.mjs';

const suite = useBrowserAndServer();

/** Opens the CRM page; `hold` (a URL test) keeps matching requests waiting until the test releases them. */
async function crmPage({ hold } = {}) {
  const context = await suite.browser.newContext();
  await context.grantPermissions(['microphone'], { origin: suite.web.origin });
  let releaseHeld;
  const released = new Promise((resolve) => (releaseHeld = resolve));
  const held = [];
  if (hold) {
    await context.route(hold, async (route) => {
      held.push(route.request().url());
      await released;
      await route.continue();
    });
  }
  const page = await context.newPage();
  const consoleLines = [];
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));
  await page.goto(`${suite.web.origin}/test/e2e/pages/crm.html`);
  await page.waitForFunction(() => window.vcReady === true, null, { timeout: 15000 });
  return { page, context, consoleLines, held, release: releaseHeld };
}

/** The far end's INVITE for the next call to `number` (after `before` earlier ones). */
const nextInvite = (number, before) => waitFor(() => invitesTo(stackDir, number)[before], 15000);

async function hangUp(page, name) {
  const box = page.getByRole('group', { name });
  await box.getByText('Connected').first().waitFor({ timeout: 10000 });
  await sleep(1200); // some talk time, so the history has a duration
  await box.getByRole('button', { name: 'Hang up' }).click();
}

describe('a CRM page with click-to-dial', () => {
  it('dials tel: links (one in a shadow root) with a real click, keeps the history, and calls again from it', async () => {
    const { page, context, consoleLines } = await crmPage();
    const aliceBefore = invitesTo(stackDir, numbers.baresip).length;
    const bobBefore = invitesTo(stackDir, numbers.answer).length;

    await page.locator('#alice').click();
    const alice = await nextInvite(numbers.baresip, aliceBefore);
    assert.match(alice.startLine, /^INVITE sip:\+442079460958@127\.0\.0\.1 /);
    assert.doesNotMatch(alice.raw ?? JSON.stringify(alice), /Alice|C-1042/, 'the label and record stay off the wire');
    assert.equal(page.url(), `${suite.web.origin}/test/e2e/pages/crm.html`, 'the browser did not follow the tel: link');
    await hangUp(page, /Call with Alice Martin/);
    await waitFor(() => messagesForCall(stackDir, alice.callId).find((m) => m.method === 'BYE' && !m.status && m.direction === 'in'));

    // The link inside <crm-contact-card>'s open shadow root (Playwright's locator pierces it; the click is a real one).
    await page.locator('#bob a').click();
    const bob = await nextInvite(numbers.answer, bobBefore);
    assert.match(bob.startLine, /^INVITE sip:\+61291234567@127\.0\.0\.1 /);
    await hangUp(page, /Call with Bob Answer/);
    await waitFor(() => messagesForCall(stackDir, bob.callId).find((m) => m.method === 'BYE' && !m.status && m.direction === 'in'));

    // The history: both calls, newest first, with talk time, outcome and the CRM's record.
    const history = page.locator('vc-call-history');
    await history.getByText('Bob Answer').waitFor({ timeout: 5000 });
    const entries = await page.evaluate(() => document.querySelector('vc-phone').phone.history.entries.map((e) => ({ party: e.party, to: e.to, record: e.record, direction: e.direction, reason: e.outcome?.reason, answered: e.answeredAt !== undefined, durationMs: e.durationMs })));
    assert.deepEqual(entries.map(({ durationMs, ...rest }) => (assert.ok(durationMs >= 1000, `talk time ${durationMs}`), rest)), [
      { party: 'Bob Answer', to: '+61291234567', record: undefined, direction: 'outbound', reason: 'hangup', answered: true },
      { party: 'Alice Martin', to: '+442079460958', record: { id: 'C-1042' }, direction: 'outbound', reason: 'hangup', answered: true },
    ]);
    assert.match(await history.locator('li', { hasText: 'Alice Martin' }).innerText(), /Talked 0:0\d/);

    // "Call again" from the history reaches the same far end again, as a new call.
    await history.getByRole('button', { name: 'Call again: Alice Martin' }).click();
    const again = await nextInvite(numbers.baresip, aliceBefore + 1);
    assert.notEqual(again.callId, alice.callId);
    await hangUp(page, /Call with Alice Martin/);

    const requests = await page.evaluate(() => window.events.filter((e) => e.type === 'vc-call-request').map((e) => [e.detail.to, e.detail.label]));
    assert.deepEqual(requests, [
      ['tel:+44-20-7946-0958', 'Alice Martin'],
      ['tel:+61291234567', 'Bob Answer'],
      ['+442079460958', 'Alice Martin'],
    ]);
    assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
    await context.close();
  });

  it('places a click made while the phone code is still loading, once it has loaded', async () => {
    // The phone's code (its chunk, loaded lazily; cdn/index.js too, should a build put it there) is held back until after the click.
    const { page, context, held, release } = await crmPage({ hold: (url) => /^\/cdn\/(index\.js|chunks\/phone-[\w-]+\.js)$/.test(url.pathname) });
    const before = invitesTo(stackDir, numbers.baresip).length;
    await page.locator('#alice').click();
    await sleep(1500);
    assert.ok(held.length >= 1, 'the phone code was requested and is being held');
    assert.equal(await page.evaluate(() => document.querySelector('vc-phone').phone), undefined, 'no phone yet when the link was clicked');
    assert.equal(invitesTo(stackDir, numbers.baresip).length, before, 'nothing dialled before the phone is there');
    release();
    const invite = await nextInvite(numbers.baresip, before);
    assert.match(invite.startLine, /^INVITE sip:\+442079460958@127\.0\.0\.1 /);
    await hangUp(page, /Call with Alice Martin/);
    await context.close();
  });
});
