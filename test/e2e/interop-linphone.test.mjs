// A second far-end implementation: liblinphone (Debian's linphone-cli, `linphonec -a`) instead of
// baresip/sipp, behind the same Kamailio + rtpengine, called from Chromium. Evidence at the far
// end: the SIP dump (linphone's 200 OK and its SDP), linphone's own output ("Receiving tone X"
// for each DTMF digit it decoded, RFC 4733 and SIP INFO), its core log (the re-INVITEs it
// received and the call states it went through on hold and resume) and the BYE.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { header, messagesForCall, messagesForCallNow, waitFor } from './stack/far-end.mjs';
import { launch } from './lib/browsers.mjs';
import { numbers, sleep, stackDir, startStaticServer } from './lib/harness.mjs';
import { answersFromFarEnd, hangupSeenAtFarEnd, inviteOf, mediaStats, phonePage, place, relayedDtmf, waitState } from './lib/scenarios.mjs';

const linphoneOut = () => fs.readFileSync(path.join(stackDir, 'logs', 'linphone.log'), 'latin1');
const linphoneCore = () => fs.readFileSync(path.join(stackDir, 'logs', 'linphone-core.log'), 'latin1');
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

  it('hold and resume: re-INVITEs sendonly then sendrecv, linphone answers recvonly then sendrecv and goes PausedByRemote and back', async () => {
    const page = await phonePage(suite.browser, suite.web.origin, {});
    try {
      await holdLinphone(page);
    } finally {
      await page.evaluate(() => window.calls.h?.hangup()).catch(() => {});
      await page.close();
    }
  });
});

async function holdLinphone(page) {
  const coreMark = linphoneCore().length;
  const outMark = linphoneOut().length;
  await place(page, 'h', numbers.linphone);
  await waitState(page, 'h', 'connected');
  const { sipCallId } = await inviteOf(page, 'h');
  const callNo = await waitFor(() => linphoneOut().slice(outMark).match(/Call (\d+) with .* connected\./)?.[1], 8000);
  const fromBrowser = (m) => m.direction === 'in' && m.proto.startsWith('ws') && m.method === 'INVITE' && !m.status;
  // direction attributes of an SDP body ('' when it has none: sendrecv by default, RFC 3264)
  const dirs = (m) => [...m.body.matchAll(/^a=(sendrecv|sendonly|recvonly|inactive)\r?$/gm)].map((x) => x[1]).join(',');

  await page.evaluate(() => window.calls.h.hold());
  assert.equal(await page.evaluate(() => window.calls.h.held), true);
  // linphone's own words: "Call N has been paused by ..." (its state LinphoneCallPausedByRemote)
  await waitFor(() => new RegExp(`Call ${callNo} has been paused by`).test(linphoneOut().slice(outMark)), 8000);
  await sleep(1000); // held for a while, as an agent would
  await page.evaluate(() => window.calls.h.resume());
  assert.equal(await page.evaluate(() => window.calls.h.held), false);
  // ... then "Media streams established ... for call N" a second time (StreamsRunning again)
  const streams = new RegExp(`Media streams established with .* for call ${callNo} `, 'g');
  await waitFor(() => (linphoneOut().slice(outMark).match(streams) ?? []).length >= 2, 8000);

  const reinvites = messagesForCall(stackDir, sipCallId).filter(fromBrowser).slice(1);
  const answers = await waitFor(() => {
    const all = answersFromFarEnd(messagesForCall(stackDir, sipCallId));
    return all.length >= 3 && all;
  }, 8000);
  assert.deepEqual(reinvites.map(dirs), ['sendonly', 'sendrecv'], 'the page re-INVITEd sendonly to hold, sendrecv to resume');
  assert.match(header(answers[1], 'User-Agent') ?? header(answers[1], 'Server') ?? '', /linphone|belle-sip/i);
  assert.equal(dirs(answers[1]), 'recvonly', 'linphone answered the hold recvonly');
  // Interop difference: linphone's answers carry no direction attribute at all when the stream
  // is sendrecv (the initial answer and the resume), baresip writes a=sendrecv.
  assert.ok(['', 'sendrecv'].includes(dirs(answers[2])), `linphone answered the resume sendrecv (explicit or by default): ${dirs(answers[2])}`);
  console.log(`# re-INVITE directions: ${reinvites.map(dirs).join(' then ')}; linphone's answers: ${answers.map((m) => dirs(m) || '(none = sendrecv)').join(' then ')}`);

  // what linphone saw, from its core log: the offers it received and the states it went through
  const core = linphoneCore().slice(coreMark);
  const states = [...core.matchAll(/moving from state \w+ to (LinphoneCall\w+)/g)].map((m) => m[1]);
  const afterConnect = states.slice(states.indexOf('LinphoneCallStreamsRunning'));
  assert.deepEqual(afterConnect.slice(0, 3), ['LinphoneCallStreamsRunning', 'LinphoneCallPausedByRemote', 'LinphoneCallStreamsRunning'], `linphone's states: ${states.join(' ')}`);
  const offered = [...core.matchAll(/^a=(sendonly|sendrecv|inactive)\r?$/gm)].map((m) => m[1]);
  assert.ok(offered.join(',').includes('sendrecv,sendonly'), `linphone received the sendonly offer: ${offered}`);

  const events = await page.evaluate(() => window.events.filter((e) => e.type === 'vc-call-held' || e.type === 'vc-call-resumed').map((e) => `${e.type} ${e.detail.by}`));
  assert.deepEqual(events, ['vc-call-held local', 'vc-call-resumed local']);
  await sleep(200);
  await hangupSeenAtFarEnd(page, 'h', sipCallId);
}

async function callLinphone(page, dtmf) {
  await place(page, 'l', numbers.linphone);
  await waitState(page, 'l', 'connected');
  const { sipCallId } = await inviteOf(page, 'l');
  const ok = (await messagesForCallNow(stackDir, sipCallId)).find((m) => m.direction === 'in' && m.status === 200 && /INVITE/.test(m.cseq));
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
  if (dtmf === 'rfc4733') assert.deepEqual(await relayedDtmf(sipCallId, 3), ['1', '2', '3']);
  else {
    const infos = (await messagesForCallNow(stackDir, sipCallId)).filter((m) => m.direction === 'in' && m.method === 'INFO' && !m.status);
    assert.equal(infos.length, 3);
  }
  await sleep(200);
  await hangupSeenAtFarEnd(page, 'l', sipCallId);
}
