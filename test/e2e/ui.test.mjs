// Like an agent: the drop-in <vc-phone> (CDN build) in headless Chromium, driven only through
// what a person sees (accessible names), against the real stack. Assertions read the far end.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baresipDtmf, baresipRecordings, invitesTo, logSize, messagesForCall, waitFor } from './stack/far-end.mjs';
import { heardFromCaller, launchBrowser, numbers, openPage, sleep, stackDir, useBrowserAndServer } from './lib/harness.mjs';

const suite = useBrowserAndServer();
const uiPage = () => openPage(suite.browser, `${suite.web.origin}/test/e2e/pages/ui.html`);

describe('the drop-in element, used like an agent would', () => {
  it('places a call, sends digits from the keypad, mutes, hangs up with Hang up, and removes the folded Recent row', async () => {
    const { page, context, consoleLines } = await uiPage();
    const invitesBefore = invitesTo(stackDir, numbers.baresip).length;
    const dtmfMark = logSize(stackDir, 'baresip');

    await page.getByRole('button', { name: 'Place call' }).click();
    const field = page.getByRole('textbox', { name: 'Phone number' });
    await field.pressSequentially('+442079460958', { delay: 20 });
    assert.equal(await field.inputValue(), '+44 20 7946 0958', 'formatted as typed');
    const callButton = page.getByRole('button', { name: 'Call', exact: true });
    await callButton.click();

    const box = page.getByRole('group', { name: /Call with \+44 20 7946 0958/ });
    await box.getByText('Connected').first().waitFor({ timeout: 10000 });
    const invite = await waitFor(() => invitesTo(stackDir, numbers.baresip)[invitesBefore]);
    assert.match(invite.startLine, /^INVITE sip:\+442079460958@127\.0\.0\.1 /);

    // Every icon is drawn: no SVG shape holds another (the minifier once dropped the `/>` of the
    // icons' <path/>s, and a path nested in a path is not drawn: the close X showed only "/").
    const icons = await page.evaluate(() => {
      const shapes = 'path, circle, line, rect, polyline, polygon, ellipse';
      const found = { icons: 0, nested: [] };
      const visit = (root) => {
        for (const svg of root.querySelectorAll('svg')) {
          found.icons++;
          for (const shape of svg.querySelectorAll(shapes)) if (shape.querySelector(shapes)) found.nested.push(svg.outerHTML.slice(0, 120));
        }
        for (const element of root.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
      };
      visit(document);
      return found;
    });
    assert.ok(icons.icons >= 6, `icons checked: ${icons.icons}`);
    assert.deepEqual(icons.nested, [], 'icons with a shape nested in another shape');

    await box.getByRole('button', { name: 'Keypad' }).click();
    for (const key of ['1', '2 ABC', '3 DEF', '#']) await box.getByRole('button', { name: key, exact: true }).click();
    const digits = await waitFor(() => {
      const seen = baresipDtmf(stackDir, dtmfMark).rfc4733;
      return seen.length >= 4 && seen;
    }, 8000);
    assert.deepEqual(digits, ['1', '2', '3', '#'], 'the far end got the keys clicked, in order');
    await box.getByText('Sent: 123#').waitFor({ timeout: 5000 });

    await sleep(2000);
    const mute = box.getByRole('button', { name: 'Mute' });
    await mute.click();
    assert.equal(await mute.getAttribute('aria-pressed'), 'true');
    const mutedAt = Date.now();
    await sleep(3000);
    await mute.click();
    const unmutedAt = Date.now();
    assert.equal(await mute.getAttribute('aria-pressed'), 'false');
    await sleep(2500);

    await box.getByRole('button', { name: 'Hang up' }).click();
    // The box folds into a one-line Recent row (the same group name), with the outcome.
    const row = page.getByRole('region', { name: 'Recent' }).getByRole('group', { name: /Call with \+44 20 7946 0958/ });
    await row.getByText('Ended', { exact: true }).waitFor({ timeout: 10000 });
    assert.equal(await page.getByRole('button', { name: 'Hang up' }).count(), 0, 'no live box left');
    const bye = await waitFor(() => messagesForCall(stackDir, invite.callId).find((m) => m.method === 'BYE' && !m.status && m.direction === 'in'));
    assert.ok(bye, 'the far end got a BYE');

    const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === invite.callId));
    const heard = heardFromCaller(recording.dec);
    assert.equal(heard.silences.length, 1, `the far end heard one silence, the mute: ${JSON.stringify(heard.silences)}`);
    const [silence] = heard.silences;
    assert.ok(silence.ms >= unmutedAt - mutedAt - 800, `as long as the mute: ${silence.ms} ms`);
    assert.ok(heard.loudBetween(silence.endMs, heard.audio.durationMs) >= 2, 'and the microphone again after un-muting');

    await row.getByRole('button', { name: 'Remove' }).click();
    await row.waitFor({ state: 'detached', timeout: 5000 });

    const types = await page.evaluate(() => window.events.map((e) => e.type));
    for (const type of ['vc-call-request', 'vc-call-dialing', 'vc-call-answered', 'vc-box-close', 'vc-call-ended', 'vc-box-remove', 'vc-call-removed']) {
      assert.equal(types.filter((t) => t === type).length, 1, `${type} reached the document exactly once`);
    }
    assert.equal(types.filter((t) => t === 'vc-dtmf').length, 4);
    assert.equal(types.filter((t) => t === 'vc-call-dtmf').length, 4);
    assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
    await context.close();
  });

  it('an invalid number is explained in words and nothing is dialled', async () => {
    const { page, context } = await uiPage();
    const invitesBefore = invitesTo(stackDir, '+4420794609').length;
    await page.getByRole('button', { name: 'Place call' }).click();
    const field = page.getByRole('textbox', { name: 'Phone number' });
    await field.fill('020 7946 0958');
    await field.press('Enter');
    await page.getByText(/Include the country code/).waitFor({ timeout: 5000 });
    assert.equal(await page.getByRole('button', { name: 'Call', exact: true }).isDisabled(), true);
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await sleep(300);
    assert.equal(invitesTo(stackDir, '+4420794609').length, invitesBefore);
    await context.close();
  });

  it('a blocked microphone: the box says so and how to fix it, and nothing is dialled', async () => {
    const browser = await launchBrowser({ microphone: 'ask' });
    try {
      const { page } = await openPage(browser, `${suite.web.origin}/test/e2e/pages/ui.html`, { denyMicrophone: true });
      const invitesBefore = invitesTo(stackDir, numbers.baresip).length;
      await page.getByRole('button', { name: 'Place call' }).click();
      await page.getByRole('textbox', { name: 'Phone number' }).fill('+44 20 7946 0958');
      await page.getByRole('button', { name: 'Call', exact: true }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 10000 });
      assert.match(await alert.innerText(), /Allow the microphone for this site[\s\S]*allow="microphone"/);
      const row = page.getByRole('group', { name: /Call with \+44 20 7946 0958/ });
      assert.match(await row.innerText(), /Microphone/);
      assert.equal(await row.getByRole('button', { name: 'Remove' }).count(), 1);
      await sleep(300);
      assert.equal(invitesTo(stackDir, numbers.baresip).length, invitesBefore);
    } finally {
      await browser.close();
    }
  });
});
