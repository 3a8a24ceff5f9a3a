// A second far-end implementation: liblinphone (Debian's linphone-cli, `linphonec -a`) instead of
// baresip/sipp, behind the same Kamailio + rtpengine, called from Chromium. Evidence at the far
// end: the SIP dump (linphone's 200 OK and its SDP), linphone's own output ("Receiving tone X"
// for each DTMF digit it decoded, RFC 4733 and SIP INFO) and its core log (BYE received).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { header, messagesForCall, waitFor } from './stack/far-end.mjs';
import { launch } from './lib/browsers.mjs';
import { numbers, sleep, stackDir, startStaticServer } from './lib/harness.mjs';
import { hangupSeenAtFarEnd, inviteOf, mediaStats, phonePage, place, relayedDtmf, waitState } from './lib/scenarios.mjs';

const linphoneOut = () => fs.readFileSync(path.join(stackDir, 'logs', 'linphone.log'), 'latin1');
// Interop difference: linphonec prints "Receiving tone X" once per RFC 4733 end packet (the
// sender repeats the end packet 3 times, as RFC 4733 says), baresip once per event: runs of the
// same digit are one key press here (the tests send distinct digits).
const tonesSince = (mark) =>
  [...linphoneOut().slice(mark).matchAll(/Receiving tone (.)/g)].map((m) => m[1]).filter((d, i, all) => d !== all[i - 1]);

const suite = {};
before(async () => {
  suite.web = await startStaticServer();
  suite.browser = await launch('chromium');
});
after(async () => {
  await suite.browser?.close();
  await suite.web?.close();
});

describe('interop: liblinphone as the far end (Chromium)', () => {
  for (const dtmf of ['rfc4733', 'info']) {
    it(`answered call with media, ${dtmf === 'info' ? 'SIP INFO' : 'RFC 4733'} DTMF decoded by linphone, hang-up`, async () => {
      const page = await phonePage(suite.browser, suite.web.origin, dtmf === 'info' ? { dtmf: 'info' } : {});
      // linphonec takes one call at a time (486 otherwise): always hang up, even after a failure
      try {
        await callLinphone(page, dtmf);
      } finally {
        await page.evaluate(() => window.calls.l?.hangup()).catch(() => {});
        await page.close();
      }
    });
  }
});

async function callLinphone(page, dtmf) {
  await place(page, 'l', numbers.linphone);
  await waitState(page, 'l', 'connected');
  const { sipCallId } = await inviteOf(page, 'l');
  const ok = messagesForCall(stackDir, sipCallId).find((m) => m.direction === 'in' && m.status === 200 && /INVITE/.test(m.cseq));
  assert.ok(ok, '200 OK from linphone');
  assert.match(header(ok, 'User-Agent') ?? header(ok, 'Server') ?? '', /linphone|belle-sip/i, 'the answer came from liblinphone');
  console.log(`# linphone answered with: ${ok.body.split(/\r?\n/).filter((l) => /^m=|^a=rtpmap/.test(l)).join(' | ')}`);
  const stats = await waitFor(async () => {
    const s = await mediaStats(page, 'l');
    return s.sent.packets > 50 && s;
  }, 8000);
  assert.ok(stats.sent.packets > 50, `RTP to linphone: ${JSON.stringify(stats)}`);
  // Interop difference: linphonec with "soundcard use files" and no file to play sends no RTP
  // back (0 packets received here); its receiving side is what this test proves.
  console.log(`# linphone call media (browser side): ${JSON.stringify(stats)}`);
  const mark = linphoneOut().length;
  await page.evaluate(() => ['1', '2', '3'].forEach((d) => window.calls.l.sendDtmf(d)));
  const tones = await waitFor(() => {
    const t = tonesSince(mark);
    return t.length >= 3 && t;
  }, 10000);
  assert.deepEqual(tones, ['1', '2', '3'], 'linphone decoded the digits in order');
  if (dtmf === 'rfc4733') assert.deepEqual(relayedDtmf(sipCallId), ['1', '2', '3']);
  else assert.equal(messagesForCall(stackDir, sipCallId).filter((m) => m.direction === 'in' && m.method === 'INFO' && !m.status).length, 3);
  await sleep(200);
  await hangupSeenAtFarEnd(page, 'l', sipCallId);
}
