// What a first call really downloads (the drop-in <vc-phone> from the CDN build, driven like an
// agent, against the real stack): bench/size.mjs counts some chunks as "only if needed"; this
// proves a plain first call does not fetch them before the call is connected, that the ones
// prefetched once a call connects (transfer form, REFER, merge, audio settings, call history) do
// arrive then, that the agent's first press of "Transfer" finds the form there and the first
// press of "Audio settings" opens the panel, and that without dispositions the wrap-up form never loads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { invitesTo, waitFor } from './stack/far-end.mjs';
import { numbers, openPage, stackDir, useBrowserAndServer } from './lib/harness.mjs';
import { AFTER_CONNECT, NOT_FOR_FIRST_CALL, WRAP_UP } from '../../bench/lib/chunk-classes.mjs';

const suite = useBrowserAndServer();

/** What bench/size.mjs does not count for a first call, but the numbers part of the +44 number called. */
const notForThisCall = (file) => !/^chunks\/zone-4-/.test(file) && NOT_FOR_FIRST_CALL.some((re) => re.test(file));

/** The CDN scripts the page fetched, with when each fetch started (ms on the page's clock). */
const cdnScripts = (page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/cdn/'))
      .map((entry) => ({ file: new URL(entry.name).pathname.slice('/cdn/'.length), startTime: entry.startTime })),
  );

describe('a first call downloads only what bench/size.mjs counts for it', () => {
  it('nothing "only if needed" before the call is connected; the transfer and merge code once it is, and "Transfer" opens at once', async () => {
    const { page, context, consoleLines } = await openPage(suite.browser, `${suite.web.origin}/test/e2e/pages/ui.html`);
    await page.evaluate(() => {
      document.addEventListener('vc-call-answered', () => (window.answeredAt ??= performance.now()), true);
    });
    const invitesBefore = invitesTo(stackDir, numbers.baresip).length;

    await page.getByRole('button', { name: 'Place call' }).click();
    await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('+442079460958', { delay: 20 });
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    const box = page.getByRole('group', { name: /Call with \+44 20 7946 0958/ });
    await box.getByText('Connected').first().waitFor({ timeout: 15000 });
    const invite = await waitFor(() => invitesTo(stackDir, numbers.baresip)[invitesBefore]);
    assert.match(invite.startLine, /^INVITE sip:\+442079460958@127\.0\.0\.1 /, 'the far end got the INVITE');

    const answeredAt = await page.evaluate(() => window.answeredAt);
    assert.equal(typeof answeredAt, 'number', 'vc-call-answered reached the document');
    const beforeAnswer = (await cdnScripts(page)).filter((script) => script.startTime < answeredAt).map((script) => script.file);
    const unexpected = beforeAnswer.filter(notForThisCall);
    assert.deepEqual(unexpected, [], `fetched before the answer but not counted for a first call (all: ${beforeAnswer.join(', ')})`);
    for (const re of [/^chunks\/sip-engine-/, /^chunks\/call-boxes-/, /^chunks\/dialing-/, /^chunks\/zone-4-/]) {
      assert.ok(beforeAnswer.some((file) => re.test(file)), `${re} is part of the first call (all: ${beforeAnswer.join(', ')})`);
    }

    // Once connected and idle, the transfer and merge code is prefetched.
    const prefetched = await waitFor(async () => {
      const files = (await cdnScripts(page)).map((script) => script.file);
      return AFTER_CONNECT.every((re) => files.some((file) => re.test(file))) && files;
    }, 15000);
    assert.ok(prefetched, 'the transfer and merge chunks arrived after the answer');

    // An agent's first press of Transfer (a real click) opens the number field with focus in it.
    await box.getByRole('button', { name: 'Transfer', exact: true }).click();
    const field = box.getByRole('textbox', { name: 'Transfer to' });
    await field.waitFor({ timeout: 5000 });
    assert.equal(await field.evaluate((input) => input.matches(':focus')), true, 'focus in the transfer field');
    await page.keyboard.press('Escape');

    // The audio settings came with the prefetch (src/cdn/lazy-tags.ts): a real click opens the panel at once.
    await page.getByRole('button', { name: 'Audio settings' }).click();
    await page.getByRole('combobox', { name: 'Microphone' }).waitFor({ timeout: 5000 });
    assert.equal(await page.getByRole('button', { name: 'Audio settings' }).getAttribute('aria-expanded'), 'true');
    await page.getByRole('button', { name: 'Audio settings' }).click();
    // No wrap-up configured: its form was never fetched.
    assert.deepEqual((await cdnScripts(page)).map((script) => script.file).filter((file) => WRAP_UP.test(file)), [], 'no wrap-up form without dispositions');

    await box.getByRole('button', { name: 'Hang up' }).click();
    await page.getByRole('region', { name: 'Recent' }).getByText('Ended', { exact: true }).waitFor({ timeout: 10000 });
    assert.deepEqual(consoleLines.filter((line) => /^(error|pageerror)/.test(line)), []);
    await context.close();
  });
});
