// Far ends that are not polite, on the real stack: each scenario is a sipp UAS of its own
// (test/e2e/far-ends/*.xml; a small UDP script, *.mjs, where sipp cannot keep to the script on a
// loaded machine) that Kamailio reaches as sip:<scenario>@127.0.0.1:<51xx>. The far end's
// exit code says whether the far end saw what it expected (ACK, PRACK, BYE, the SDP directions
// of the answers); the page says what the agent saw, and the SIP dump what was on the wire.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { header, messagesForCall, messagesForCallNow, waitFor } from './stack/far-end.mjs';
import { openPage, plan, root, sleep, stackDir, startConnectionCutter, useBrowserAndServer } from './lib/harness.mjs';

const suite = useBrowserAndServer();
const CONFIG = { server: plan.wsUrl, aor: `sip:agent@${plan.domain}`, displayName: 'E2E Agent' };
let nextPort = 5100;

/** True once something listens on this UDP port (sipp is ready for the INVITE). */
function udpBound(port) {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return ['/proc/net/udp', '/proc/net/udp6'].some((file) => fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').some((line) => line.trim().split(/\s+/)[1]?.endsWith(hex)));
}

/** Starts the scenario's sipp for one call; `done` resolves with its exit code and its error log. */
async function farEnd(scenario, { echo = false } = {}) {
  const port = nextPort;
  nextPort += 2;
  const logs = path.join(stackDir, 'logs');
  fs.mkdirSync(logs, { recursive: true });
  const errorFile = path.join(logs, `far-end-${scenario}-errors.log`);
  const messageFile = path.join(logs, `far-end-${scenario}-messages.log`);
  // A far end sipp cannot play on a loaded machine has a script of its own (same exit code and files).
  const script = path.join(root, 'test/e2e/far-ends', `${scenario}.mjs`);
  const sipp = fs.existsSync(script)
    ? spawn(process.execPath, [script, String(port), errorFile, messageFile], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(
        'sipp',
        ['-sf', path.join(root, 'test/e2e/far-ends', `${scenario}.xml`), '-i', '127.0.0.1', '-p', String(port), '-mp', String(7000 + (port - 5100) * 10),
          '-m', '1', '-timeout', '30s', '-timeout_error', '-nostdin', '-trace_msg', '-message_file', messageFile, '-trace_err', '-error_file', errorFile,
          ...(echo ? ['-rtp_echo'] : [])],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      );
  let stderr = '';
  sipp.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise((resolve) =>
    sipp.on('exit', (code) => resolve({ code, errors: fs.existsSync(errorFile) ? fs.readFileSync(errorFile, 'utf8').slice(-2000) : '' })),
  );
  await waitFor(() => udpBound(port) || sipp.exitCode !== null, 5000);
  if (sipp.exitCode !== null) throw new Error(`sipp (${scenario}) did not start: ${stderr.slice(-1000)}`);
  return { uri: `sip:${scenario}@127.0.0.1:${port}`, done, stop: () => sipp.exitCode === null && sipp.kill() };
}

async function phonePage(config = {}) {
  const opened = await openPage(suite.browser, `${suite.web.origin}/test/e2e/pages/phone.html`);
  await opened.page.evaluate((c) => window.makePhone(c), { ...CONFIG, ...config });
  return opened;
}

async function place(page, to) {
  const placed = await page.evaluate((t) => window.placeCall('call', t), to);
  assert.equal(placed.error, undefined, `call refused: ${JSON.stringify(placed.error)}`);
}

async function waitState(page, states, timeout = 15000) {
  await page.waitForFunction((wanted) => wanted.includes(window.callState('call')?.state), states, { timeout }).catch(async (error) => {
    throw new Error(`never ${states.join('/')}: ${JSON.stringify(await page.evaluate(() => window.callState('call')))} (${error.message.split('\n')[0]})`);
  });
  return page.evaluate(() => window.callState('call'));
}

const eventTypes = (page) => page.evaluate(() => window.events.filter((e) => e.callId === window.calls.call?.id).map((e) => e.type));

/**
 * Runs one scenario: the far end must finish as scripted, and the page must say what it saw.
 * `prepare(page)` runs before the call is placed (what must watch the page from the start).
 */
async function scenario(name, drive, config, { prepare, ...farEndOptions } = {}) {
  const far = await farEnd(name, farEndOptions);
  const { page, context, consoleLines } = await phonePage(config);
  try {
    await prepare?.(page);
    await place(page, far.uri);
    const seen = await drive(page);
    const { code, errors } = await far.done;
    assert.equal(code, 0, `the far end (${name}) did not see what it expected:\n${errors}`);
    assert.deepEqual(consoleLines.filter((line) => /^pageerror/.test(line)), []);
    return seen;
  } finally {
    far.stop();
    await context.close();
  }
}

/**
 * Runs one scenario through the drop-in <vc-phone> the way an agent does (clicks, typing): the far
 * end must finish as scripted; returns the words the box (or its folded Recent row) ended with.
 */
async function boxScenario(name, words) {
  const far = await farEnd(name);
  const { page, context, consoleLines } = await openPage(suite.browser, `${suite.web.origin}/test/e2e/pages/ui.html`);
  try {
    await page.getByRole('button', { name: 'Place call' }).click();
    await page.getByRole('textbox', { name: 'Phone number' }).fill(far.uri);
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.getByText(words).first().waitFor({ timeout: 10000 });
    const { code, errors } = await far.done;
    assert.equal(code, 0, `the far end (${name}) did not see what it expected:\n${errors}`);
    // Uncaught errors only: sip.js logs the far end's mistakes as errors, rightly.
    assert.deepEqual(consoleLines.filter((line) => /^pageerror/.test(line)), []);
    return {
      events: await page.evaluate(() => window.events.map((e) => e.type).filter((type) => /^vc-call-(dialing|answered|ended|failed)$/.test(type))),
      hangUpButtons: await page.getByRole('button', { name: 'Hang up' }).count(),
      // The end's `outcome.cause` as the page's listeners got it (null: none).
      causes: await page.evaluate(() => window.events.filter((e) => /^vc-call-(ended|failed)$/.test(e.type)).map((e) => e.detail.outcome.cause ?? null)),
    };
  } finally {
    far.stop();
    await context.close();
  }
}

describe('far ends that are not polite', () => {
  it('a refusal whose reason phrase carries a Q.850 cause (sip.js drops it as is) ends the call with the status words; far-end text is not shown', async () => {
    const state = await scenario('reject-odd-phrase', (page) => waitState(page, ['failed', 'ended']));
    assert.equal(state.state, 'failed');
    assert.equal(state.outcome.sipStatus, 480);
    assert.equal(state.outcome.reason, 'unavailable');
    assert.equal(state.outcome.message, 'The person called is unavailable right now.');
  });

  it('a busy answer whose reason phrase has quotes, braces and a bar is understood', async () => {
    const state = await scenario('busy-odd-phrase', (page) => waitState(page, ['failed', 'ended']));
    assert.deepEqual([state.state, state.outcome.sipStatus, state.outcome.reason], ['failed', 486, 'busy']);
  });

  it('a redirect (3xx) fails in words that say it was not followed', async () => {
    const state = await scenario('redirect', (page) => waitState(page, ['failed', 'ended']));
    assert.deepEqual([state.state, state.outcome.sipStatus], ['failed', 302]);
    assert.match(state.outcome.message, /redirect/i);
  });

  it('a 6xx decline after a 183 without SDP: ringing, then declined', async () => {
    const seen = await scenario('decline-reason', async (page) => {
      const state = await waitState(page, ['failed', 'ended']);
      return { state, events: await eventTypes(page) };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.sipStatus, seen.state.outcome.reason], ['failed', 603, 'declined']);
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-ringing', 'vc-call-failed']);
  });

  it('a far end that challenges again after the credentials: one retry, then "credentials refused" (no loop)', async () => {
    const state = await scenario('challenge-twice', (page) => waitState(page, ['failed', 'ended']), { auth: { username: 'vc-agent', password: 'wrong-for-this-gateway' } });
    assert.deepEqual([state.state, state.outcome.sipStatus, state.outcome.reason], ['failed', 407, 'auth-failed']);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const invites = messagesForCall(stackDir, state.sipCallId).filter((m) => m.direction === 'in' && m.method === 'INVITE' && m.proto.startsWith('ws'));
    assert.equal(invites.length, 2, 'the INVITE, and once more with credentials');
  });

  it('held by the far end and taken back (re-INVITEs sendonly, sendrecv): answered recvonly then sendrecv, the call stays up until the far end hangs up', async () => {
    const seen = await scenario('hold-and-resume', async (page) => {
      await waitState(page, ['connected']);
      await page.waitForFunction(() => window.calls.call.heldByRemote === true, null, { timeout: 10000 });
      const state = await waitState(page, ['ended', 'failed']);
      const holds = await page.evaluate(() => window.events.filter((e) => /held|resumed/.test(e.type)).map((e) => `${e.type} ${e.detail.by}`));
      return { state, events: await eventTypes(page), holds };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy, seen.state.outcome.reason], ['ended', 'remote', 'hangup']);
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-answered', 'vc-call-held', 'vc-call-resumed', 'vc-call-ended']);
    assert.deepEqual(seen.holds, ['vc-call-held remote', 'vc-call-resumed remote']);
  });

  it('a 200 OK that crosses the CANCEL is ACKed and hung up with a BYE, and the box ends', async () => {
    const state = await scenario('answer-crosses-cancel', async (page) => {
      await waitState(page, ['ringing']);
      await page.evaluate(() => window.calls.call.hangup());
      return waitState(page, ['ended', 'failed']);
    });
    assert.equal(state.state, 'ended');
    assert.equal(state.outcome.endedBy, 'local');
  });

  it('a reliable 183 with early media (RFC 3262) is PRACKed, then answered', async () => {
    const seen = await scenario('reliable-early-media', async (page) => {
      await waitState(page, ['early-media', 'connected']);
      const state = await waitState(page, ['ended', 'failed']);
      return { state, events: await eventTypes(page) };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy], ['ended', 'remote']);
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-ringing', 'vc-call-answered', 'vc-call-ended']);
  });

  it('after a 3 s outage of the connection, the far end\'s BYE reaches the browser through the refreshed dialog', async () => {
    const cutter = await startConnectionCutter(plan.ports.kamailioWs);
    try {
      const state = await scenario(
        'bye-after-reconnect',
        async (page) => {
          await waitState(page, ['connected']);
          cutter.down();
          await page.waitForFunction(() => window.calls.call.reconnecting === true, null, { timeout: 5000 });
          await sleep(3000);
          cutter.restore();
          return waitState(page, ['ended', 'failed']);
        },
        { server: cutter.wsUrl },
      );
      assert.deepEqual([state.state, state.outcome.endedBy, state.outcome.reason], ['ended', 'remote', 'hangup']);
    } finally {
      await cutter.close();
    }
  });

  it('an UPDATE from the far end mid-call (not in our Allow) is answered 405 and the call goes on', async () => {
    const seen = await scenario('update-midcall', async (page) => {
      await waitState(page, ['connected']);
      const state = await waitState(page, ['ended', 'failed']);
      return { state, events: await eventTypes(page) };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy, seen.state.outcome.reason], ['ended', 'remote', 'hangup']);
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-answered', 'vc-call-ended']);
  });

  it('BYEs crossing (both sides hang up at once): each is answered and the box ends', async () => {
    const state = await scenario('bye-crossing', async (page) => {
      await waitState(page, ['connected']);
      await page.evaluate(() => window.calls.call.hangup());
      return waitState(page, ['ended', 'failed']);
    });
    assert.equal(state.state, 'ended');
    assert.ok(['local', 'remote'].includes(state.outcome.endedBy));
  });

  it('glare: a hold refused with 491 is tried again after the RFC 3261 delay and then holds', async () => {
    const seen = await scenario('glare-on-hold', async (page) => {
      await waitState(page, ['connected']);
      const started = Date.now();
      await page.evaluate(() => window.calls.call.hold());
      const waited = Date.now() - started;
      const held = await page.evaluate(() => window.calls.call.held);
      const state = await waitState(page, ['ended', 'failed']);
      return { waited, held, state };
    });
    assert.equal(seen.held, true);
    assert.ok(seen.waited >= 2000, `the retry came after the RFC 3261 delay (${seen.waited} ms)`);
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy], ['ended', 'remote']);
  });

  it('a BYE that overtakes the ACK (answered and hung up at once) is answered 200 and the call ends at once as hung up by the far end', async () => {
    const seen = await scenario('bye-before-ack', async (page) => {
      const placedAt = Date.now();
      const state = await waitState(page, ['ended', 'failed'], 10000);
      const tookMs = Date.now() - placedAt;
      // A late Hang up (a click on the box as it ends) does nothing and throws nothing.
      await page.evaluate(() => window.calls.call.hangup());
      return { state, tookMs, hangingUp: await page.evaluate(() => window.calls.call.hangingUp), events: await eventTypes(page) };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy, seen.state.outcome.reason, seen.state.outcome.message], ['ended', 'remote', 'hangup', 'Call ended.']);
    assert.ok(seen.tookMs < 5000, `the box ended promptly (${seen.tookMs} ms), not after the media timed out`);
    assert.equal(seen.hangingUp, false);
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-answered', 'vc-call-ended']);
    const wire = await messagesForCallNow(stackDir, seen.state.sipCallId);
    const fromBrowser = wire.filter((m) => m.direction === 'in' && m.proto.startsWith('ws'));
    assert.ok(fromBrowser.some((m) => m.status === 200 && m.method === 'BYE'), 'the browser answered the BYE 200');
    assert.ok(fromBrowser.some((m) => m.method === 'ACK'), 'the browser ACKed the 200 OK');
    assert.ok(!fromBrowser.some((m) => m.method === 'BYE' && m.status === undefined), 'no BYE of its own on a dialog already ended');
  });

  it('a 200 OK without SDP is ACKed and hung up, and fails in the words for "answered, but no audio" while the connection stays up', async () => {
    const seen = await scenario('answer-without-sdp', async (page) => {
      const state = await waitState(page, ['ended', 'failed']);
      return { state, events: await eventTypes(page), connection: await page.evaluate(() => window.phone.connectionState) };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy, seen.state.outcome.reason], ['failed', 'system', 'media-failed']);
    assert.equal(seen.state.outcome.message, 'The call was answered, but the audio could not be set up.');
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-failed']);
    assert.equal(seen.connection, 'connected');
  });

  it('an answer that declines the audio stream (port 0, RFC 3264 section 6) is hung up with a BYE and fails as "media not acceptable", never "connected"', async () => {
    const seen = await scenario('audio-declined', async (page) => {
      const state = await waitState(page, ['ended', 'failed']);
      return { state, events: await eventTypes(page) };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy, seen.state.outcome.reason], ['failed', 'remote', 'media-not-acceptable']);
    assert.equal(seen.state.outcome.message, 'The far end could not accept the audio format (media not acceptable).');
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-failed']);
    const wire = await messagesForCallNow(stackDir, seen.state.sipCallId);
    const answer = wire.find((m) => m.direction === 'out' && m.proto.startsWith('ws') && m.status === 200 && m.method === 'INVITE');
    assert.match(answer?.body ?? '', /^m=audio 0 /m, 'the browser was given the declined stream as the far end sent it');
    const bye = wire.find((m) => m.direction === 'in' && m.proto.startsWith('ws') && m.method === 'BYE' && m.status === undefined);
    assert.ok(bye, 'the browser sent a BYE');
    assert.match(header(bye, 'reason') ?? '', /cause=488/, 'the BYE says why (Reason: SIP;cause=488)');
  });

  it('a re-INVITE that removes the audio (port 0, RFC 3264 section 8.2) is accepted with port 0, then hung up with a BYE saying why; the call ends as "media not acceptable"', async () => {
    const seen = await scenario('reinvite-audio-removed', async (page) => {
      await waitState(page, ['connected']);
      const state = await waitState(page, ['ended', 'failed']);
      return { state, events: await eventTypes(page), live: await page.evaluate(() => window.phone.calls.filter((c) => c.isLive).length) };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy, seen.state.outcome.reason], ['ended', 'remote', 'media-not-acceptable']);
    assert.equal(seen.state.outcome.message, 'The other party removed the audio from the call.');
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-answered', 'vc-call-ended']);
    assert.equal(seen.live, 0, 'no live call left');
    const wire = await messagesForCallNow(stackDir, seen.state.sipCallId);
    const fromBrowser = wire.filter((m) => m.direction === 'in' && m.proto.startsWith('ws'));
    const reinviteAnswers = fromBrowser.filter((m) => m.method === 'INVITE' && m.status !== undefined && header(m, 'cseq')?.startsWith('2 '));
    assert.deepEqual(reinviteAnswers.map((m) => m.status), [200], 'the re-INVITE was answered 200 once (no 488, no 500)');
    assert.match(reinviteAnswers[0].body, /^m=audio 0 /m, 'the answer removes the audio too (RFC 3264 section 6)');
    const bye = fromBrowser.find((m) => m.method === 'BYE' && m.status === undefined);
    assert.match(header(bye, 'reason') ?? '', /cause=488/, 'the BYE says why (Reason: SIP;cause=488)');
  });

  it('a 183 whose SDP declines the audio (port 0) keeps the call ringing with the local ringback; the 200 OK with audio then connects with audio both ways', async () => {
    const seen = await scenario(
      'early-media-port0',
      async (page) => {
        const ringing = await waitState(page, ['ringing', 'early-media', 'connected', 'ended', 'failed']);
        await page.waitForFunction(() => window.oscillatorStarts > 0, null, { timeout: 5000 }).catch(() => undefined);
        const ringback = await page.evaluate(() => window.oscillatorStarts);
        await waitState(page, ['connected']);
        // sipp echoes what it gets (-rtp_echo): packets back mean audio went both ways.
        const audioBothWays = (s) => s?.sent.packets > 20 && s?.received.packets > 20;
        let stats = await page.evaluate(() => window.calls.call.getMediaStats());
        for (const deadline = Date.now() + 10000; !audioBothWays(stats) && Date.now() < deadline; await sleep(250)) {
          stats = await page.evaluate(() => window.calls.call.getMediaStats());
        }
        await page.evaluate(() => window.calls.call.hangup());
        const state = await waitState(page, ['ended', 'failed']);
        return { ringing, ringback, stats, state, events: await eventTypes(page), earlyMedia: await page.evaluate(() => window.events.filter((e) => e.type === 'vc-call-ringing').map((e) => e.detail.earlyMedia)) };
      },
      undefined,
      {
        echo: true,
        // Counts the ringback's oscillators from before the call is placed.
        prepare: (page) =>
          page.evaluate(() => {
            window.oscillatorStarts = 0;
            const { start } = OscillatorNode.prototype;
            OscillatorNode.prototype.start = function (...args) {
              window.oscillatorStarts += 1;
              return start.apply(this, args);
            };
          }),
      },
    );
    assert.equal(seen.ringing.state, 'ringing', 'ringing on the 183 (no early media to play)');
    assert.ok(seen.ringback > 0, 'the local ringback tone played');
    assert.deepEqual(seen.earlyMedia, [false], 'never "early media"');
    assert.ok(seen.stats.sent.packets > 20 && seen.stats.received.packets > 20, `audio both ways after the answer: ${JSON.stringify(seen.stats)}`);
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy, seen.state.outcome.reason], ['ended', 'local', 'hangup']);
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-ringing', 'vc-call-answered', 'vc-call-ended']);
    const wire = await messagesForCallNow(stackDir, seen.state.sipCallId);
    const early = wire.find((m) => m.direction === 'out' && m.proto.startsWith('ws') && m.status === 183);
    assert.match(early?.body ?? '', /^m=audio 0 /m, 'the browser was given the 183 with the audio declined, as the far end sent it');
    const offers = wire.filter((m) => m.direction === 'in' && m.proto.startsWith('ws') && m.method === 'INVITE' && m.status === undefined);
    assert.equal(offers.length, 2, 'the INVITE, then one re-INVITE');
    assert.match(offers[1].body, /^m=audio [1-9]\d* /m, 'the re-INVITE offers the audio again');
  });

  it('a 183 declining the audio (port 0), then a 200 OK declining it too: ringing, then hung up as an answer declining the audio', async () => {
    const seen = await scenario('early-media-port0-declined', async (page) => {
      await waitState(page, ['ringing', 'early-media', 'connected', 'ended', 'failed']);
      const state = await waitState(page, ['ended', 'failed']);
      return { state, events: await eventTypes(page) };
    });
    assert.deepEqual([seen.state.state, seen.state.outcome.endedBy, seen.state.outcome.reason], ['failed', 'remote', 'media-not-acceptable']);
    assert.equal(seen.state.outcome.message, 'The far end could not accept the audio format (media not acceptable).');
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-ringing', 'vc-call-failed']);
  });

  it('in the drop-in element: answered and hung up before the ACK, the box ends at once saying the other party hung up', async () => {
    const seen = await boxScenario('bye-before-ack', 'Ended: The other party hung up.');
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-answered', 'vc-call-ended']);
    assert.equal(seen.hangUpButtons, 0, 'no live box left to hang up');
  });

  it('in the drop-in element: a 200 OK without SDP ends in the words for "answered, but no audio", never "Connected"', async () => {
    const seen = await boxScenario('answer-without-sdp', 'The call was answered, but the audio could not be set up.');
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-failed']);
    assert.deepEqual(seen.causes, ['answer-unusable'], 'outcome.cause: what a translation words it by');
  });

  it('in the drop-in element: an answer declining the audio (port 0) ends in words, never "Connected"', async () => {
    const seen = await boxScenario('audio-declined', 'The far end could not accept the audio format (media not acceptable).');
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-failed']);
    assert.deepEqual(seen.causes, [null], 'the general case of its reason: no cause');
    assert.equal(seen.hangUpButtons, 0);
  });

  it('in the drop-in element: a re-INVITE removing the audio (port 0) ends the box in words, with no live call left to hang up', async () => {
    const seen = await boxScenario('reinvite-audio-removed', 'Ended: The other party removed the audio from the call.');
    assert.deepEqual(seen.events, ['vc-call-dialing', 'vc-call-answered', 'vc-call-ended']);
    assert.equal(seen.hangUpButtons, 0);
    assert.deepEqual(seen.causes, ['audio-removed'], 'outcome.cause: what a translation words it by');
  });
});
