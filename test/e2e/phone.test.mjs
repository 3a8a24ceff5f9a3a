// The real Phone (CDN build) in headless Chromium against the real stack on loopback.
// Every assertion that matters reads what the FAR END saw: Kamailio's SIP dump, baresip's DTMF
// log and its recording of the caller's audio, rtpengine's RFC 4733 log, sipp's INFO log.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import {
  baresipDtmf,
  baresipRecordings,
  finalResponse,
  header,
  headers,
  logSize,
  messagesForCall,
  messagesForCallNow,
  rtpengineDtmf,
  sipMessages,
  sippInfoDigits,
  waitFor,
} from '../e2e/stack/far-end.mjs';
import { heardFromCaller, launchBrowser, numbers, openPage, plan, sleep, stackDir, startConnectionCutter, startWebhookReceiver, useBrowserAndServer } from './lib/harness.mjs';
// Places a call once baresip's recording second is over (its recordings are named by the second).
import { answersFromFarEnd, place } from './lib/scenarios.mjs';

const AOR = `sip:agent@${plan.domain}`;
const BASE_CONFIG = { server: plan.wsUrl, aor: AOR, displayName: 'E2E Agent' };
const timings = [];

const suite = useBrowserAndServer();

after(() => {
  if (timings.length) {
    const avg = (key) => Math.round(timings.reduce((sum, t) => sum + t[key], 0) / timings.length);
    console.log(`# timings over ${timings.length} answered calls: click->INVITE avg ${avg('clickToInvite')} ms, INVITE->200 OK avg ${avg('inviteToAnswer')} ms`);
    for (const t of timings) console.log(`#   ${t.name}: click->INVITE ${t.clickToInvite} ms, INVITE->200 ${t.inviteToAnswer} ms`);
  }
});

/** Opens the test page with a phone configured as given (merged over the e2e account). */
async function phonePage(config = {}) {
  const opened = await openPage(suite.browser, `${suite.web.origin}/test/e2e/pages/phone.html`);
  await opened.page.evaluate((c) => window.makePhone(c), { ...BASE_CONFIG, ...config });
  return opened;
}

async function waitState(page, name, states, timeout = 10000) {
  const wanted = Array.isArray(states) ? states : [states];
  await page.waitForFunction(([n, w]) => w.includes(window.callState(n)?.state), [name, wanted], { timeout }).catch(async (error) => {
    const now = await page.evaluate((n) => window.callState(n), name);
    throw new Error(`call ${name} never reached ${wanted.join('/')}: ${JSON.stringify(now)} (${error.message.split('\n')[0]})`);
  });
  return page.evaluate((n) => window.callState(n), name);
}

/**
 * "Ringing" as the browser can know it: baresip sends its 180 a millisecond before its 200, and
 * Kamailio's processes race for the two. When the 200 goes out first, the proxy drops the 180 (a
 * provisional response after the final one is not forwarded, RFC 3261 16.7), so the phone never
 * hears it ring. The call's events include vc-call-ringing exactly when a 180 reached the browser.
 */
async function ringingIfRelayed(sipCallId) {
  const messages = await messagesForCallNow(stackDir, sipCallId);
  return messages.some((m) => m.direction === 'out' && m.proto.startsWith('ws') && m.status === 180) ? ['vc-call-ringing'] : [];
}

/** The SIP Call-ID of this call, and the INVITE Kamailio received for it from the browser. */
async function inviteOf(page, name) {
  const sipCallId = await waitFor(() => page.evaluate((n) => window.callState(n)?.sipCallId, name), 5000);
  const invite = await waitFor(() =>
    messagesForCall(stackDir, sipCallId).find((m) => m.direction === 'in' && m.method === 'INVITE' && m.proto.startsWith('ws')),
  );
  return { sipCallId, invite };
}

async function recordTiming(page, callName, label, placed) {
  const { sipCallId, invite } = await inviteOf(page, callName);
  const ok = await waitFor(() =>
    messagesForCall(stackDir, sipCallId).find((m) => m.direction === 'out' && m.status === 200 && /INVITE/.test(m.cseq) && m.proto.startsWith('ws')),
  );
  const entry = { name: label, clickToInvite: Math.round(invite.time - placed.clickAt), inviteToAnswer: Math.round(ok.time - invite.time) };
  timings.push(entry);
  return entry;
}

/** The far end heard the microphone, then one silence as long as the mute, then the microphone again. */
function assertOneMute(heard, mutedForMs) {
  assert.equal(heard.silences.length, 1, `one long silence, the mute: ${JSON.stringify(heard.silences)}`);
  const [silence] = heard.silences;
  // Up to one beep interval (~500 ms) of the fake microphone's own quiet joins it at each end.
  assert.ok(silence.ms >= mutedForMs - 500 && silence.ms <= mutedForMs + 1200, `silence of ${silence.ms} ms for a mute of ${mutedForMs} ms`);
  assert.ok(heard.loudBetween(0, silence.startMs) >= 2, 'the microphone heard before the mute');
  assert.ok(heard.loudBetween(silence.endMs, heard.audio.durationMs) >= 2, 'and again after it');
}

describe('calls against the real stack', () => {
  it('1. an international number is answered by baresip and media flows both ways', async () => {
    const { page, context } = await phonePage();
    const placed = await place(page, 'a', '+44 20 7946 0958');
    await waitState(page, 'a', 'connected');
    const { invite } = await inviteOf(page, 'a');
    assert.match(invite.startLine, /^INVITE sip:\+442079460958@127\.0\.0\.1 SIP\/2\.0$/);
    await sleep(2500);
    const stats = await page.evaluate(() => window.calls.a.getMediaStats());
    assert.ok(stats.sent.packets > 50, `browser sent RTP: ${JSON.stringify(stats)}`);
    assert.ok(stats.received.packets > 50, `browser received RTP (baresip's echo): ${JSON.stringify(stats)}`);
    await page.evaluate(() => window.calls.a.hangup());
    await waitState(page, 'a', 'ended');
    const timing = await recordTiming(page, 'a', 'baresip, cold page', placed);
    assert.ok(timing.clickToInvite >= 0 && timing.clickToInvite < 3000, JSON.stringify(timing));
    const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === invite.callId));
    const heard = heardFromCaller(recording.dec);
    const loudWindows = heard.loudBetween(0, heard.audio.durationMs);
    assert.ok(loudWindows >= 3, `baresip heard the fake microphone's beeps: ${loudWindows} loud windows`);
    await context.close();
  });

  it('2a. DTMF in RFC 4733: the far end gets exactly 1,2,3,# in order, even sent back to back', async () => {
    const { page, context } = await phonePage();
    const mark = logSize(stackDir, 'baresip');
    await place(page, 'd', '+44 20 7946 0958');
    await waitState(page, 'd', 'connected');
    await sleep(500);
    // No waiting between digits: the way a fast typist's keys arrive.
    await page.evaluate(() => ['1', '2', '3', '#'].forEach((digit) => window.calls.d.sendDtmf(digit)));
    const digits = await waitFor(() => {
      const seen = baresipDtmf(stackDir, mark).rfc4733;
      return seen.length >= 4 && seen;
    }, 8000);
    assert.deepEqual(digits, ['1', '2', '3', '#']);
    const { sipCallId } = await inviteOf(page, 'd');
    const relayed = await waitFor(() => rtpengineDtmf(stackDir)[sipCallId]?.caller.length >= 4 && rtpengineDtmf(stackDir)[sipCallId]);
    assert.deepEqual(relayed.caller, ['1', '2', '3', '#']);
    const sentEvents = await page.evaluate(() => window.events.filter((e) => e.type === 'vc-call-dtmf').map((e) => e.detail.digit));
    assert.deepEqual(sentEvents, ['1', '2', '3', '#']);
    await page.evaluate(() => window.calls.d.hangup());
    await waitState(page, 'd', 'ended');
    await context.close();
  });

  it('2b. DTMF in SIP INFO mode: the far end receives the INFO bodies, in order', async () => {
    const { page, context } = await phonePage({ dtmf: 'info' });
    await place(page, 'i', '+61 2 9123 4567');
    await waitState(page, 'i', 'connected');
    await page.evaluate(() => ['5', '6', '*', '0'].forEach((digit) => window.calls.i.sendDtmf(digit)));
    const { sipCallId } = await inviteOf(page, 'i');
    const digits = await waitFor(() => {
      const seen = sippInfoDigits(stackDir, sipCallId);
      return seen.length >= 4 && seen.map((d) => d.digit);
    }, 8000);
    assert.deepEqual(digits, ['5', '6', '*', '0']);
    const infos = (await messagesForCallNow(stackDir, sipCallId)).filter((m) => m.direction === 'in' && m.method === 'INFO' && !m.status);
    assert.equal(infos.length, 4);
    assert.equal(header(infos[0], 'Content-Type'), 'application/dtmf-relay');
    assert.match(infos[0].body, /^Signal=5\r?\nDuration=\d+/);
    await page.evaluate(() => window.calls.i.hangup());
    await waitState(page, 'i', 'ended');
    await context.close();
  });

  it('3. mute: the far end hears the microphone, then near silence while muted, then the microphone again', async () => {
    const { page, context } = await phonePage();
    await place(page, 'm', '+44 20 7946 0958');
    await waitState(page, 'm', 'connected');
    const phaseMs = 3000;
    await sleep(phaseMs);
    await page.evaluate(() => window.calls.m.mute());
    await sleep(phaseMs);
    await page.evaluate(() => window.calls.m.unmute());
    await sleep(phaseMs);
    const events = await page.evaluate(() => window.events.filter((e) => e.type === 'vc-call-mute' || e.type === 'vc-call-answered'));
    await page.evaluate(() => window.calls.m.hangup());
    await waitState(page, 'm', 'ended');
    const { sipCallId } = await inviteOf(page, 'm');
    const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === sipCallId));
    const [mutedAt, unmutedAt] = events.filter((e) => e.type === 'vc-call-mute').map((e) => e.at);
    assertOneMute(heardFromCaller(recording.dec), unmutedAt - mutedAt);
    await context.close();
  });

  it('4a. hang-up by the agent: the far end gets a BYE, the call is ended by local', async () => {
    const { page, context } = await phonePage();
    await place(page, 'h', '+44 20 7946 0958');
    await waitState(page, 'h', 'connected');
    await page.evaluate(() => window.calls.h.hangup());
    const state = await waitState(page, 'h', 'ended');
    assert.deepEqual(state.outcome, { endedBy: 'local', reason: 'hangup', message: 'Call ended.' });
    const { sipCallId } = await inviteOf(page, 'h');
    const bye = await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.method === 'BYE' && m.direction === 'out' && !m.proto.startsWith('ws')));
    assert.ok(bye, 'BYE relayed to baresip');
    await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.status === 200 && /BYE/.test(m.cseq) && m.direction === 'in'));
    await context.close();
  });

  it('4b. hang-up by the far end: the call is ended by remote', async () => {
    const { page, context } = await phonePage();
    await place(page, 'r', '+33 1 42 68 53 00');
    await waitState(page, 'r', 'connected');
    const state = await waitState(page, 'r', 'ended', 8000);
    assert.equal(state.outcome.endedBy, 'remote');
    assert.equal(state.outcome.reason, 'hangup');
    const { sipCallId } = await inviteOf(page, 'r');
    const byeToBrowser = (await messagesForCallNow(stackDir, sipCallId)).find((m) => m.method === 'BYE' && m.direction === 'out' && m.proto.startsWith('ws'));
    assert.ok(byeToBrowser, 'BYE sent to the browser');
    await context.close();
  });

  it('5. busy, not found, no answer, wrong password: each fails with the right status and words', async () => {
    const { page, context, consoleLines } = await phonePage({ auth: { username: plan.credentials.username, password: 'not-the-password' } });
    const cases = [
      ['busy', numbers.busy, 486, 'busy', /busy/],
      ['notfound', numbers.notfound, 404, 'not-found', /not reachable/],
      ['unknown', numbers.unknown, 404, 'not-found', /not reachable/],
      ['noanswer', numbers.noanswer, 408, 'no-answer', /No answer/],
      ['auth', numbers.auth, 407, 'auth-failed', /username and password/],
    ];
    for (const [name, number] of cases) await place(page, name, number);
    for (const [name, , status, reason, words] of cases) {
      const state = await waitState(page, name, ['failed', 'ended'], 10000);
      assert.equal(state.state, 'failed', `${name}: ${JSON.stringify(state)}`);
      assert.equal(state.outcome.sipStatus, status, name);
      assert.equal(state.outcome.reason, reason, name);
      assert.match(state.outcome.message, words, name);
      const { sipCallId } = await inviteOf(page, name);
      assert.equal(finalResponse(stackDir, sipCallId)?.status, status, `${name}: the final response on the wire`);
    }
    const noanswer = await page.evaluate(() => window.events.filter((e) => e.callId === window.calls.noanswer.id).map((e) => e.type));
    assert.deepEqual(noanswer, ['vc-call-dialing', 'vc-call-ringing', 'vc-call-failed']);
    const { sipCallId } = await inviteOf(page, 'auth');
    const invites = (await messagesForCallNow(stackDir, sipCallId)).filter((m) => m.method === 'INVITE' && m.direction === 'in');
    assert.equal(invites.length, 2, 'sent once, then once more with the (wrong) credentials');
    assert.match(header(invites[1], 'Proxy-Authorization'), /^Digest .*username="vc-agent"/);
    assert.ok(!consoleLines.join('\n').includes('not-the-password'), 'the password never reaches the console');
    await context.close();
  });

  it('5b. right password: 407, then the authenticated INVITE connects', async () => {
    const { page, context, consoleLines } = await phonePage({ auth: { ...plan.credentials } });
    const placed = await place(page, 'ok', numbers.auth);
    await waitState(page, 'ok', 'connected');
    await recordTiming(page, 'ok', 'digest auth (407 round trip included)', placed);
    const { sipCallId } = await inviteOf(page, 'ok');
    const trail = (await messagesForCallNow(stackDir, sipCallId)).filter((m) => m.proto.startsWith('ws') && m.cseq.endsWith('INVITE') && (!m.status || m.status >= 200));
    assert.deepEqual(
      trail.map((m) => m.status ?? m.method).slice(0, 4),
      ['INVITE', 407, 'INVITE', 200],
    );
    assert.ok(!JSON.stringify(await page.evaluate(() => window.phone.config)).includes(plan.credentials.password));
    assert.ok(!consoleLines.join('\n').includes(plan.credentials.password));
    const html = await page.content();
    assert.ok(!html.includes(plan.credentials.password), 'no credential in the DOM');
    await page.evaluate(() => window.calls.ok.hangup());
    await waitState(page, 'ok', 'ended');
    await context.close();
  });

  it('6. from, context and route are in the INVITE as received; injection attempts send nothing', async () => {
    const { page, context } = await phonePage();
    await place(page, 'o', '+61 2 9123 4567', {
      from: { displayName: 'Acme "Support"', uri: 'sip:support@acme.example.com' },
      context: { TicketId: 'T-1001', Customer: 'Zoë Ã' },
      route: ['sip:127.0.0.1:5066;transport=ws;lr', 'sip:edge.example.invalid;lr'],
      headers: { 'X-Campaign': 'renewals' },
    });
    await waitState(page, 'o', 'connected');
    const { invite } = await inviteOf(page, 'o');
    assert.match(header(invite, 'From'), /^"Acme \\"Support\\"" <sip:support@acme\.example\.com>;tag=/);
    assert.equal(header(invite, 'P-Asserted-Identity'), '"Acme \\"Support\\"" <sip:support@acme.example.com>');
    assert.equal(header(invite, 'X-VC-TicketId'), 'T-1001');
    assert.equal(header(invite, 'X-VC-Customer'), 'Zo%C3%AB %C3%83');
    assert.equal(header(invite, 'X-Campaign'), 'renewals');
    assert.deepEqual(headers(invite, 'Route'), ['<sip:127.0.0.1:5066;transport=ws;lr>', '<sip:edge.example.invalid;lr>']);
    await page.evaluate(() => window.calls.o.hangup());
    await waitState(page, 'o', 'ended');

    const invitesBefore = sipMessages(stackDir).filter((m) => m.method === 'INVITE').length;
    const attempts = [
      ['+61 2 9123 4567', { context: { TicketId: 'x\r\nX-Evil: 1' } }, 'invalid-header-value'],
      ['+61 2 9123 4567', { context: { 'Bad\r\nName': 'x' } }, 'invalid-header-name'],
      ['+61 2 9123 4567', { route: ['sip:edge.example.invalid;lr>\r\nX-Evil: 1'] }, 'invalid-route'],
      ['+61 2 9123 4567', { route: 'sip:edge.example.invalid;lr?Via=evil' }, 'invalid-route'],
      ['+61 2 9123 4567', { from: { displayName: 'Eve\r\nX-Evil: 1' } }, 'control-characters'],
      ['+61 2 9123 4567', { from: 'sip:eve@example.com>;tag=1\r\nX: y' }, 'invalid-identity'],
      ['+61 2 9123 4567', { headers: { Via: 'SIP/2.0/WS evil' } }, 'forbidden-header'],
      ['sip:alice@example.com\r\nX-Evil: 1', {}, 'control-characters'],
      ['sip:alice@example.com?X-Evil=1', {}, 'invalid-sip-uri'],
      ['javascript:alert(1)', {}, 'unsupported-scheme'],
      ['020 7946 0958', {}, 'national-format'],
    ];
    for (const [to, options, code] of attempts) {
      const result = await page.evaluate(([t, o]) => window.placeCall('refused', t, o), [to, options]);
      assert.equal(result.error?.code, code, `${JSON.stringify([to, options])}: ${JSON.stringify(result)}`);
      assert.ok(result.error.message.length > 10, 'a message for a person');
    }
    const inputErrors = await page.evaluate(() => window.events.filter((e) => e.type === 'vc-input-error').length);
    assert.equal(inputErrors, attempts.length, 'one vc-input-error event per refusal');
    await sleep(300);
    assert.equal(sipMessages(stackDir).filter((m) => m.method === 'INVITE').length, invitesBefore, 'no INVITE left for any refused call');
    assert.equal(sipMessages(stackDir).some((m) => m.raw.includes('X-Evil')), false);
    await context.close();
  });

  it('7. two calls at once (autoHold off): DTMF and mute on one do not touch the other', async () => {
    const { page, context } = await phonePage({ autoHold: false });
    await place(page, 'one', '+44 20 7946 0958');
    await waitState(page, 'one', 'connected');
    // baresip names its recordings by the second their media started: call two is placed once call
    // one's recording is on disk (matched to its answer), so that place() waits out that second.
    const one = (await inviteOf(page, 'one')).sipCallId;
    await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === one), 15000);
    await place(page, 'two', '+44 20 7946 0958');
    await waitState(page, 'two', 'connected');
    await sleep(1500);
    await page.evaluate(() => {
      window.calls.one.sendDtmf('7');
      window.calls.two.sendDtmf('9');
      window.calls.one.mute();
    });
    await sleep(3000);
    await page.evaluate(() => {
      window.calls.one.hangup();
      window.calls.two.hangup();
    });
    await waitState(page, 'one', 'ended');
    await waitState(page, 'two', 'ended');
    const two = (await inviteOf(page, 'two')).sipCallId;
    const relayed = await waitFor(() => {
      const all = rtpengineDtmf(stackDir);
      return all[one]?.caller.length && all[two]?.caller.length && all;
    });
    assert.deepEqual(relayed[one].caller, ['7']);
    assert.deepEqual(relayed[two].caller, ['9']);
    const states = await page.evaluate(() => [window.calls.one.muted, window.calls.two.muted]);
    assert.deepEqual(states, [true, false]);
    const recordings = await waitFor(() => {
      const all = baresipRecordings(stackDir);
      const a = all.find((r) => r.callId === one);
      const b = all.find((r) => r.callId === two);
      return a && b && { a, b };
    }, 15000);
    assert.ok(!recordings.a.overwritten && !recordings.b.overwritten, 'one recording per call');
    const muted = heardFromCaller(recordings.a.dec);
    const live = heardFromCaller(recordings.b.dec);
    const lastSilence = muted.silences.at(-1);
    assert.ok(lastSilence && muted.audio.durationMs - lastSilence.endMs <= 500, `the muted call is silent to its end: ${JSON.stringify(muted.silences)}`);
    assert.deepEqual(live.silences, [], 'the other call never went silent');
    assert.ok(live.loudBetween(lastSilence.startMs, live.audio.durationMs) >= 2, 'and was heard all along');
    await context.close();
  });

  it('13. hold: a re-INVITE offering sendonly, the far end hears silence while held and the microphone again once taken back', async () => {
    const { page, context } = await phonePage();
    await place(page, 'h', '+44 20 7946 0958');
    await waitState(page, 'h', 'connected');
    await sleep(1500);
    await page.evaluate(() => window.calls.h.hold());
    const heldAt = Date.now();
    assert.equal(await page.evaluate(() => window.calls.h.held), true);
    await sleep(3000);
    await page.evaluate(() => window.calls.h.resume());
    const resumedAt = Date.now();
    const { sipCallId } = await inviteOf(page, 'h');
    // Hung up once the far end has answered the resume (sendrecv), not after a fixed time.
    await waitFor(() =>
      answersFromFarEnd(messagesForCall(stackDir, sipCallId)).some((m) => /a=sendrecv/.test(m.body) && m.time > heldAt),
    10000);
    await page.evaluate(() => window.calls.h.hangup());
    await waitState(page, 'h', 'ended');
    const fromBrowser = (message) => message.direction === 'in' && message.proto.startsWith('ws');
    const messages = await messagesForCallNow(stackDir, sipCallId);
    const reinvites = messages.filter((m) => fromBrowser(m) && m.method === 'INVITE' && !m.status).slice(1);
    assert.equal(reinvites.length, 2, 'one re-INVITE to hold, one to resume');
    assert.match(reinvites[0].body, /a=sendonly/);
    assert.match(reinvites[1].body, /a=sendrecv/);
    const answers = answersFromFarEnd(messages);
    assert.match(answers.at(-2).body, /a=recvonly/, 'the far end answered the hold recvonly');
    // What the far end heard while held can't be read here: baresip's recorder stops at the first
    // re-INVITE of a call (its sndfile dump is not re-opened on a stream update). The wire and the
    // answers above prove the hold; the mute test proves a disabled microphone is silence there.
    assert.match(answers.at(-1).body, /a=sendrecv/, 'and the resume sendrecv');
    assert.ok(resumedAt - heldAt >= 3000);
    const events = await page.evaluate(() => window.events.filter((e) => e.type === 'vc-call-held' || e.type === 'vc-call-resumed').map((e) => `${e.type} ${e.detail.by}`));
    assert.deepEqual(events, ['vc-call-held local', 'vc-call-resumed local']);
    await context.close();
  });

  it('14. only one call hears the agent: answering a second call puts the first on hold on the wire', async () => {
    const { page, context, consoleLines } = await phonePage();
    await place(page, 'first', '+44 20 7946 0958');
    await waitState(page, 'first', 'connected');
    // baresip again: it answers re-INVITEs (the stack's sipp far ends can't).
    await place(page, 'second', '+44 20 7946 0958');
    await waitState(page, 'second', 'connected');
    await page.waitForFunction(() => window.calls.first.held === true, null, { timeout: 10000 }).catch((error) => {
      throw new Error(`${error.message}\n${consoleLines.join('\n')}`);
    });
    const first = (await inviteOf(page, 'first')).sipCallId;
    const hold = await waitFor(() =>
      messagesForCall(stackDir, first).find((m) => m.direction === 'in' && m.proto.startsWith('ws') && m.method === 'INVITE' && !m.status && /a=sendonly/.test(m.body)),
    );
    assert.ok(hold, 'the first call got a re-INVITE offering sendonly');
    assert.equal(await page.evaluate(() => window.phone.activeCall?.id === window.calls.second.id), true);
    await page.evaluate(() => window.calls.first.resume());
    await page.waitForFunction(() => window.calls.second.held === true && window.calls.first.held === false, null, { timeout: 10000 });
    await page.evaluate(() => {
      window.calls.first.hangup();
      window.calls.second.hangup();
    });
    await waitState(page, 'first', 'ended');
    await waitState(page, 'second', 'ended');
    await context.close();
  });

  it('8. status webhook: a receiver that fails at first still gets every event once, in order', async (t) => {
    const hook = await startWebhookReceiver({ failFirst: 3, dropAfterProcessing: 5, username: 'crm', password: 'hook-Secret-7' });
    const { page, context, consoleLines } = await phonePage({ statusWebhook: { url: hook.url, username: 'crm', password: 'hook-Secret-7' } });
    // Closed whatever happens: an open receiver would keep this test file's process alive.
    t.after(() => Promise.all([context.close(), hook.close()]));
    await place(page, 'w', '+44 20 7946 0958');
    await waitState(page, 'w', 'connected');
    await page.evaluate(() => {
      window.calls.w.sendDtmf('4');
      window.calls.w.mute();
      window.calls.w.setColor('green');
    });
    // The digit's event comes once its tone has started; a hang-up before that would drop it.
    await page.waitForFunction(() => window.events.some((e) => e.type === 'vc-call-dtmf'), null, { timeout: 10000 });
    await page.evaluate(() => window.calls.w.hangup());
    await waitState(page, 'w', 'ended');
    const callId = await page.evaluate(() => window.calls.w.id);
    const expected = ['vc-call-dialing', ...(await ringingIfRelayed((await inviteOf(page, 'w')).sipCallId)), 'vc-call-answered', 'vc-call-mute', 'vc-call-color', 'vc-call-dtmf', 'vc-call-ended'];
    const unique = await waitFor(() => {
      const seen = new Map();
      for (const event of hook.received) if (event.callId === callId && !seen.has(event.id)) seen.set(event.id, event);
      return seen.size >= expected.length && [...seen.values()];
      // Three refusals and a lost answer cost ~8 s of backoff on an idle machine: a loaded one needs more.
    }, 60000).catch(async (error) => {
      // Say what got through and what the page said, so a failure explains itself.
      const pageEvents = await page.evaluate((id) => window.events.filter((e) => e.callId === id).map((e) => e.type), callId);
      const got = hook.received.filter((e) => e.callId === callId).map((e) => `${e.sequence}:${e.type}`);
      throw new Error(`${error.message}: expected ${expected.join(', ')}; the page dispatched ${pageEvents.join(', ')}; the receiver got ${got.join(', ')} (${JSON.stringify(hook.stats)})`);
    });
    assert.ok(hook.stats.failed >= 3, 'the receiver failed the first attempts');
    assert.ok(hook.stats.dropped >= 1, 'one delivery was processed but its answer lost');
    assert.ok(hook.received.length > unique.length, 'that one came again (at-least-once)');
    assert.equal(hook.stats.unauthorised, 0, 'basic auth on every request');
    const types = unique.map((e) => e.type);
    // The page dispatched them in this order; DTMF goes out asynchronously, so compare with the page's own order.
    const pageOrder = await page.evaluate((id) => window.events.filter((e) => e.callId === id && e.type !== 'vc-call-removed').map((e) => e.type), callId);
    assert.deepEqual(types, pageOrder);
    assert.deepEqual([...types].sort(), [...expected].sort());
    assert.deepEqual(unique.map((e) => e.sequence), unique.map((_, i) => i + 1), 'sequence 1..n, in order');
    assert.equal(unique.at(-1).call.outcome.endedBy, 'local');
    assert.ok(!consoleLines.join('\n').includes('hook-Secret-7'));
  });

  it('8b. status webhook: events not delivered before a reload are delivered after it', async (t) => {
    const hook = await startWebhookReceiver({ failFirst: 0, dropAfterProcessing: 0 });
    hook.setDown(true);
    const config = { storageKey: 'webhook-reload', statusWebhook: { url: hook.url } };
    const { page, context } = await phonePage(config);
    // Closed whatever happens: an open receiver would keep this test file's process alive.
    t.after(() => Promise.all([context.close(), hook.close()]));
    await place(page, 'wr', '+14155550132');
    await waitState(page, 'wr', 'failed');
    const callId = await page.evaluate(() => window.calls.wr.id);
    await sleep(300);
    assert.equal(hook.received.length, 0, 'nothing got through while the receiver was down');
    await page.reload();
    await page.waitForFunction(() => window.vcReady === true);
    hook.setDown(false);
    await page.evaluate((c) => window.makePhone(c), { ...BASE_CONFIG, ...config });
    const delivered = await waitFor(() => {
      const types = [...new Map(hook.received.filter((e) => e.callId === callId).map((e) => [e.id, e.type])).values()];
      return types.length >= 2 && types;
    }, 10000);
    assert.deepEqual(delivered, ['vc-call-dialing', 'vc-call-failed']);
  });

  it('9. a 5 s outage of the connection mid-call: the call carries on, the agent is heard throughout, the dialog is refreshed and the hang-up reaches the far end', async (t) => {
    const cutter = await startConnectionCutter(plan.ports.kamailioWs);
    const { page, context } = await phonePage({ server: cutter.wsUrl });
    // Closed whatever happens: an open proxy would keep this test file's process alive (it did once).
    t.after(() => Promise.all([context.close(), cutter.close()]));
    await place(page, 'cut', '+44 20 7946 0958');
    await waitState(page, 'cut', 'connected');
    const { sipCallId } = await inviteOf(page, 'cut');
    const answeredAt = (await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.direction === 'in' && m.status === 200 && m.src.endsWith(':5090')))).time;
    await sleep(1000);
    const downAt = Date.now();
    cutter.down();
    await page.waitForFunction(() => window.calls.cut.reconnecting === true, null, { timeout: 5000 });
    await sleep(5000);
    assert.equal(await page.evaluate(() => window.calls.cut.state), 'connected', 'still connected after 5 s without signalling');
    const restoredAt = Date.now();
    cutter.restore();
    await page.waitForFunction(() => window.calls.cut.reconnecting === false, null, { timeout: 10000 });
    const refresh = await waitFor(() =>
      messagesForCall(stackDir, sipCallId).find((m) => m.direction === 'in' && m.proto.startsWith('ws') && m.method === 'INVITE' && !m.status && m.cseq.startsWith('2 ')),
    );
    assert.ok(refresh, 'a re-INVITE refreshed the dialog over the new connection');
    assert.match(header(refresh, 'Contact'), /transport=ws/);
    await page.evaluate(() => window.calls.cut.hangup());
    const state = await waitState(page, 'cut', ['ended', 'failed']);
    assert.deepEqual([state.state, state.outcome.endedBy], ['ended', 'local']);
    const bye = await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.method === 'BYE' && !m.status && m.direction === 'out' && !m.proto.startsWith('ws')), 5000);
    assert.ok(bye, 'the agent\'s hang-up reached the far end as a BYE');
    // baresip's recording runs from its answer to the refreshing re-INVITE: the whole outage is in it.
    // It is written as audio arrives, so its last write (file time) after the connection came back
    // says it went on through the outage. Its length in samples is no clock: on a starved machine
    // it fell 1-2 s short of the wall time it spanned (run 36), so positions in it are approximate.
    const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === sipCallId));
    const heard = heardFromCaller(recording.dec);
    const outage = [downAt - answeredAt, restoredAt - answeredAt];
    assert.ok(recording.mtime >= restoredAt, `the recording was still written when the connection came back (${heard.audio.durationMs} ms of audio, last written ${Math.round(recording.mtime - restoredAt)} ms after)`);
    assert.deepEqual(heard.silences, [], 'no silence at all: the agent was heard through the outage');
    assert.ok(heard.loudBetween(outage[0], outage[1]) >= 6, `the microphone during the 5 s outage: ${heard.loudBetween(outage[0], outage[1])} loud windows`);
    // The fake microphone beeps about twice a second: the longest quiet run between beeps, before
    // and during the outage, is the figure to compare (equal: the outage made no gap of its own).
    const longestQuiet = (fromMs, toMs) => {
      let longest = 0;
      let run = 0;
      heard.audio.rms.forEach((rms, i) => {
        if (i * heard.audio.windowMs < fromMs || (i + 1) * heard.audio.windowMs > toMs) return;
        run = rms > 1000 ? 0 : run + heard.audio.windowMs;
        longest = Math.max(longest, run);
      });
      return longest;
    };
    console.log(
      `# 5 s outage: longest quiet run at the far end ${longestQuiet(outage[0], outage[1])} ms during it vs ${longestQuiet(0, outage[0])} ms before it ` +
        `(${heard.loudBetween(outage[0], outage[1])} loud 100 ms windows during it); connection back -> refresh re-INVITE at the proxy ${refresh.time - restoredAt} ms`,
    );
    const phoneEvents = await page.evaluate(() => window.events.filter((e) => e.callId === window.calls.cut.id).map((e) => e.type));
    assert.deepEqual(phoneEvents, ['vc-call-dialing', ...(await ringingIfRelayed(sipCallId)), 'vc-call-answered', 'vc-call-ended']);
  });

  it('9b. an outage longer than the window ends the call in words, and the far end gets its BYE once the connection is back', async (t) => {
    const cutter = await startConnectionCutter(plan.ports.kamailioWs);
    const { page, context } = await phonePage({ server: cutter.wsUrl, reconnectWindowMs: 2000 });
    // Closed whatever happens: an open proxy would keep this test file's process alive (it did once).
    t.after(() => Promise.all([context.close(), cutter.close()]));
    await place(page, 'long', '+44 20 7946 0958');
    await waitState(page, 'long', 'connected');
    const { sipCallId } = await inviteOf(page, 'long');
    cutter.down();
    const state = await waitState(page, 'long', ['ended', 'failed'], 8000);
    assert.equal(state.outcome.reason, 'connection-lost');
    assert.match(state.outcome.message, /lost for more than 2 s, so the call was ended/);
    cutter.restore();
    await page.waitForFunction(() => window.phone.connectionState === 'connected', null, { timeout: 10000 });
    const bye = await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.method === 'BYE' && !m.status && m.direction === 'out' && !m.proto.startsWith('ws')), 5000);
    assert.ok(bye, 'the far end was told (BYE) once the connection was back');
  });

  it('10. a reload during a call: the box comes back as ended by the reload, and the far end gets a BYE', async () => {
    const { page, context } = await phonePage({ storageKey: 'reload-test' });
    await place(page, 'live', '+44 20 7946 0958');
    await waitState(page, 'live', 'connected');
    await page.evaluate(() => window.calls.live.setColor('purple'));
    const { sipCallId } = await inviteOf(page, 'live');
    await sleep(1000);
    await page.reload();
    await page.waitForFunction(() => window.vcReady === true);
    await page.evaluate((c) => window.makePhone(c), { ...BASE_CONFIG, storageKey: 'reload-test' });
    const restored = await page.evaluate(() => window.phone.calls.map((call) => call.toJSON()));
    assert.equal(restored.length, 1);
    assert.equal(restored[0].state, 'ended');
    assert.equal(restored[0].color, 'purple');
    assert.equal(restored[0].outcome.reason, 'reload');
    assert.equal(restored[0].outcome.message, 'The page was reloaded during the call.');
    assert.ok(restored[0].durationMs >= 900, `talk time kept: ${restored[0].durationMs} ms`);
    const bye = await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.method === 'BYE' && !m.status && m.direction === 'in'), 5000);
    assert.ok(bye, 'the page said goodbye to the far end as it unloaded');
    await context.close();
  });

  it('11. a SIP server that is not there: the call fails at once, in words, and the phone keeps trying to connect', async () => {
    const { page, context } = await phonePage({ server: 'ws://127.0.0.1:5999' });
    await place(page, 'nowhere', '+44 20 7946 0958');
    const state = await waitState(page, 'nowhere', ['failed', 'ended'], 10000);
    assert.equal(state.state, 'failed');
    assert.equal(state.outcome.reason, 'connection-lost');
    assert.match(state.outcome.message, /could not be reached/);
    await page.waitForFunction(() => window.phone.connectionState === 'reconnecting', null, { timeout: 5000 });
    await context.close();
  });

  it('12. no microphone allowed, or none at all: the call fails saying how to fix it, and no INVITE leaves', async () => {
    for (const [microphone, reason, words] of [
      ['ask', 'microphone-denied', /Allow the microphone for this site.*allow="microphone"/],
      ['none', 'no-microphone', /No microphone was found/],
    ]) {
      const browser = await launchBrowser({ microphone });
      try {
        const { page } = await openPage(browser, `${suite.web.origin}/test/e2e/pages/phone.html`, { denyMicrophone: microphone === 'ask' });
        await page.evaluate((c) => window.makePhone(c), BASE_CONFIG);
        const invitesBefore = sipMessages(stackDir).filter((m) => m.method === 'INVITE' && !m.status).length;
        await place(page, 'mic', '+44 20 7946 0958');
        const state = await waitState(page, 'mic', ['failed', 'ended']);
        assert.equal(state.state, 'failed', microphone);
        assert.equal(state.outcome.reason, reason, microphone);
        assert.match(state.outcome.message, words);
        await sleep(300);
        assert.equal(sipMessages(stackDir).filter((m) => m.method === 'INVITE' && !m.status).length, invitesBefore, 'no INVITE was sent');
      } finally {
        await browser.close();
      }
    }
  });
});
