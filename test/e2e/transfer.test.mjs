// Call transfer on the real stack (RFC 3515 REFER, RFC 3891 Replaces). The far ends are baresip
// (a real transferee: it follows a REFER by calling the Refer-To target and reports the result in
// NOTIFYs) and sipp scenarios (test/e2e/far-ends/transfer-*.xml) on ports 5170-5189 that check
// what they received (sipp's exit code) and refuse or fail transfers on purpose. Assertions read
// Kamailio's SIP dump and sipp's message logs: what the far ends saw.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { header, messagesForCall, sipDumpCaughtUp, sipMessages, waitFor } from './stack/far-end.mjs';
import { openPage, plan, root, stackDir } from './lib/harness.mjs';
import { useBrowserAndServer } from './lib/harness.mjs';

const suite = useBrowserAndServer();
const CONFIG = { server: plan.wsUrl, aor: `sip:agent@${plan.domain}`, displayName: 'E2E Agent' };
const logs = path.join(stackDir, 'logs');

/** True once something listens on this UDP port (sipp is ready). */
function udpBound(port) {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return ['/proc/net/udp', '/proc/net/udp6'].some((file) => fs.existsSync(file) && fs.readFileSync(file, 'utf8').split('\n').some((line) => line.trim().split(/\s+/)[1]?.endsWith(hex)));
}

/** Starts one sipp far end (one call) on `port`; `done` resolves with its exit code and errors. */
async function farEnd(scenario, port, calls = 1) {
  fs.mkdirSync(logs, { recursive: true });
  const errorFile = path.join(logs, `far-end-${scenario}-errors.log`);
  const messageFile = path.join(logs, `far-end-${scenario}-messages.log`);
  for (const file of [errorFile, messageFile]) fs.rmSync(file, { force: true });
  const sipp = spawn(
    'sipp',
    ['-sf', path.join(root, 'test/e2e/far-ends', `${scenario}.xml`), '-i', '127.0.0.1', '-p', String(port), '-mp', String(7000 + (port - 5100) * 10),
      '-m', String(calls), '-timeout', '40s', '-timeout_error', '-nostdin', '-trace_msg', '-message_file', messageFile, '-trace_err', '-error_file', errorFile],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  sipp.stderr.on('data', (chunk) => (stderr += chunk));
  const done = new Promise((resolve) =>
    sipp.on('exit', (code) => resolve({ code, errors: fs.existsSync(errorFile) ? fs.readFileSync(errorFile, 'utf8').slice(-2000) : '' })),
  );
  await waitFor(() => udpBound(port) || sipp.exitCode !== null, 5000);
  if (sipp.exitCode !== null) throw new Error(`sipp (${scenario}) did not start: ${stderr.slice(-1000)}`);
  return {
    uri: `sip:${scenario}@127.0.0.1:${port}`,
    done,
    /** What this far end received, as sipp logged it (whole messages). */
    received: () => (fs.existsSync(messageFile) ? fs.readFileSync(messageFile, 'utf8') : ''),
    stop: () => sipp.exitCode === null && sipp.kill(),
  };
}

/**
 * A baresip of its own that follows REFERs (test/e2e/far-ends/baresip-transferee: the stack's
 * baresip lacks the `menu` module that does it), reached as sip:transferee@127.0.0.1:5188.
 */
async function baresipTransferee() {
  const dir = path.join(stackDir, 'run', 'baresip-transferee');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'test/e2e/far-ends/baresip-transferee'), dir, { recursive: true });
  const logFile = path.join(logs, 'baresip-transferee.log');
  const out = fs.openSync(logFile, 'w');
  const baresip = spawn('baresip', ['-f', dir], { stdio: ['ignore', out, out] });
  await waitFor(() => udpBound(5188) || baresip.exitCode !== null, 5000);
  if (baresip.exitCode !== null) throw new Error(`baresip (transferee) did not start: ${fs.readFileSync(logFile, 'utf8').slice(-1000)}`);
  return {
    uri: 'sip:transferee@127.0.0.1:5188',
    log: () => fs.readFileSync(logFile, 'utf8'),
    stop: async () => {
      if (baresip.exitCode !== null) return;
      const exited = new Promise((resolve) => baresip.once('exit', resolve));
      baresip.kill('SIGTERM');
      // baresip waits ~32 s for its BYE transactions on SIGTERM with a live call.
      const timer = setTimeout(() => baresip.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
      fs.closeSync(out);
    },
  };
}

async function phonePage() {
  const opened = await openPage(suite.browser, `${suite.web.origin}/test/e2e/pages/phone.html`);
  await opened.page.evaluate((c) => window.makePhone(c), CONFIG);
  return opened;
}

async function place(page, name, to) {
  const placed = await page.evaluate(([n, t]) => window.placeCall(n, t), [name, to]);
  assert.equal(placed.error, undefined, `call refused: ${JSON.stringify(placed.error)}`);
}

async function waitState(page, name, states, timeout = 20000) {
  await page
    .waitForFunction(([n, wanted]) => wanted.includes(window.callState(n)?.state), [name, states], { timeout })
    .catch(async (error) => {
      throw new Error(`${name} never ${states.join('/')}: ${JSON.stringify(await page.evaluate((n) => window.callState(n), name))} (${error.message.split('\n')[0]})`);
    });
  return page.evaluate((n) => window.callState(n), name);
}

/** Asks for a transfer in the page; resolves with { ok } or { error: { name, message } } once it settled. */
const transfer = (page, name, to) =>
  page.evaluate(
    ([n, t]) =>
      window.calls[n].transfer(t).then(
        () => ({ ok: true }),
        (error) => ({ error: { name: error.name, code: error.code, message: error.message } }),
      ),
    [name, to],
  );

const transferEvents = (page, name) =>
  page.evaluate((n) => window.events.filter((e) => e.type === 'vc-call-transfer' && e.callId === window.calls[n]?.id).map((e) => `${e.detail.state} ${e.detail.kind} ${e.detail.to}`), name);

/** The REFERs the browser sent on a call, as Kamailio received them over the WebSocket. */
const refersOf = (callId) => messagesForCall(stackDir, callId).filter((m) => m.direction === 'in' && m.method === 'REFER' && m.status === undefined && m.proto.startsWith('ws'));

/** Runs `drive` against a page; the sipp far ends must then finish as scripted. */
async function withPage(farEnds, drive) {
  const { page, context, consoleLines } = await phonePage();
  try {
    const seen = await drive(page);
    for (const far of farEnds) {
      const { code, errors } = await far.done;
      assert.equal(code, 0, `the far end ${far.uri} did not see what it expected:\n${errors}`);
    }
    assert.deepEqual(consoleLines.filter((line) => /^pageerror/.test(line)), []);
    return seen;
  } finally {
    for (const far of farEnds) far.stop();
    await context.close();
  }
}

describe('blind transfer', () => {
  it('baresip follows the REFER: the target gets the new call, the NOTIFY says 200 and the call ends as transferred', async () => {
    const target = await farEnd('transfer-target', 5170);
    const transferee = await baresipTransferee();
    try {
    await withPage([target], async (page) => {
      await place(page, 'call', transferee.uri);
      const connected = await waitState(page, 'call', ['connected']);
      // Bad input first: words, vc-input-error, and nothing on the wire.
      const refused = await transfer(page, 'call', '020 7946 0958');
      assert.equal(refused.error?.name, 'PhoneInputError');
      assert.match(refused.error.message, /country code/);
      assert.equal(await page.evaluate(() => window.events.filter((e) => e.type === 'vc-input-error').length), 1);
      await sipDumpCaughtUp(stackDir);
      assert.equal(refersOf(connected.sipCallId).length, 0, 'no REFER for refused input');

      const result = await transfer(page, 'call', target.uri);
      assert.deepEqual(result, { ok: true });
      const ended = await waitState(page, 'call', ['ended']);
      assert.deepEqual([ended.outcome.reason, ended.outcome.message], ['transferred', `Transferred to transfer-target@127.0.0.1:5170.`]);
      assert.deepEqual(await transferEvents(page, 'call'), ['requested blind transfer-target@127.0.0.1:5170', 'accepted blind transfer-target@127.0.0.1:5170', 'completed blind transfer-target@127.0.0.1:5170']);

      // The far end (baresip) received the REFER with the right Refer-To ...
      await sipDumpCaughtUp(stackDir);
      const [refer] = refersOf(connected.sipCallId);
      assert.equal(header(refer, 'Refer-To'), `<${target.uri}>`);
      const relayed = messagesForCall(stackDir, connected.sipCallId).find((m) => m.direction === 'out' && m.method === 'REFER' && m.status === undefined);
      assert.equal(relayed?.dst, '127.0.0.1:5188', 'Kamailio relayed the REFER to baresip');
      await waitFor(() => messagesForCall(stackDir, connected.sipCallId).some((m) => m.direction === 'in' && m.method === 'NOTIFY' && /^SIP\/2\.0 200/.test(m.body)), 5000);
      // ... and the transfer target got the transferee's new call.
      await waitFor(() => /INVITE sip:transfer-target@127\.0\.0\.1:5170/.test(target.received()), 10000);
      assert.match(target.received(), /From: <sip:transferee@127\.0\.0\.1:5188>/, 'the new call comes from the transferee (baresip)');
      // The browser left the old call (BYE to baresip).
      await waitFor(() => messagesForCall(stackDir, connected.sipCallId).some((m) => m.direction === 'in' && m.method === 'BYE'), 5000);
      assert.match(transferee.log(), /menu: transferring call \S+ to '<sip:transfer-target@127\.0\.0\.1:5170>'[\s\S]*Call established: sip:transfer-target@127\.0\.0\.1:5170/);
    });
    } finally {
      await transferee.stop();
    }
  });

  it('a number is referred as phone.call addresses it; the sipfrag NOTIFYs (100, then 200) end the call as transferred', async () => {
    const far = await farEnd('transfer-accept', 5172);
    await withPage([far], async (page) => {
      await place(page, 'call', far.uri);
      const connected = await waitState(page, 'call', ['connected']);
      assert.deepEqual(await transfer(page, 'call', '+61 2 9123 4567'), { ok: true });
      const ended = await waitState(page, 'call', ['ended']);
      assert.deepEqual([ended.outcome.reason, ended.outcome.message], ['transferred', 'Transferred to +61 2 9123 4567.']);
      await sipDumpCaughtUp(stackDir);
      const [refer] = refersOf(connected.sipCallId);
      assert.equal(header(refer, 'Refer-To'), '<sip:+61291234567@127.0.0.1>');
      assert.match(far.received(), /Refer-To: <sip:\+61291234567@127\.0\.0\.1>/);
    });
  });
});

describe('a transfer that fails keeps the call live', () => {
  for (const [scenario, port, words, reason, sipStatus] of [
    ['transfer-refuse-403', 5174, /refused to transfer the call \(403 forbidden\)\. The call is still with you\./, 'refused', 403],
    ['transfer-refuse-405', 5176, /cannot transfer calls \(405\)\. The call is still with you\./, 'refused', 405],
    ['transfer-notify-busy', 5178, /^The transfer to \+61 2 9123 4567 did not go through: the line was busy\. The call is still with you\.$/, 'target-failed', 486],
  ]) {
    it(`${scenario}: the call stays connected, says why, and hanging up still works`, async () => {
      const far = await farEnd(scenario, port);
      await withPage([far], async (page) => {
        await place(page, 'call', far.uri);
        const connected = await waitState(page, 'call', ['connected']);
        const result = await transfer(page, 'call', '+61 2 9123 4567');
        assert.match(result.error?.message ?? '', words);
        const after = await page.evaluate(() => window.callState('call'));
        assert.equal(after.state, 'connected');
        assert.equal(after.transfer.state, 'failed');
        assert.match(after.transfer.message, words);
        // Why, as a code with the far end's status (what an element words in the page's language).
        assert.deepEqual([after.transfer.reason, after.transfer.sipStatus], [reason, sipStatus]);
        await sipDumpCaughtUp(stackDir); // the REFER was refused within milliseconds: count once the dump has it all
        assert.equal(refersOf(connected.sipCallId).length, 1, 'one REFER on the wire');
        await page.evaluate(() => window.calls.call.hangup());
        const ended = await waitState(page, 'call', ['ended']);
        assert.deepEqual([ended.outcome.reason, ended.outcome.endedBy], ['hangup', 'local']);
      });
    });
  }
});

/**
 * An attended transfer whose transferee is a real program: the agent calls it, consults the sipp
 * consult party, then joins them. Returns the two calls' snapshots and the INVITE the transferee
 * then sent the consult party (from the consult party's message log).
 */
async function attended(page, transfereeUri, consultParty) {
  await place(page, 'original', transfereeUri);
  await waitState(page, 'original', ['connected']);
  await page.evaluate((to) => window.phone.consult(window.calls.original, to).then((c) => (window.calls.consult = c)), consultParty.uri);
  const consult = await waitState(page, 'consult', ['connected']);
  const result = await page.evaluate(() => window.calls.original.transfer(window.calls.consult).then(() => ({ ok: true }), (e) => ({ error: e.message })));
  assert.deepEqual(result, { ok: true }, 'the transferee reported the new call in a NOTIFY 200');
  const original = await waitState(page, 'original', ['ended']);
  const consultEnded = await waitState(page, 'consult', ['ended']);
  assert.deepEqual([original.outcome.reason, consultEnded.outcome.reason], ['transferred', 'transferred']);
  // The consult party's own tag (To of its 200 OK) and ours (From of our INVITE), as it logged them.
  await waitFor(() => (consultParty.received().match(/^INVITE /gm) ?? []).length >= 2, 10000);
  const messages = consultParty.received().split(/^-{20,}.*$/m);
  const ourInvite = messages.find((m) => m.includes(`Call-ID: ${consult.sipCallId}`) && /^INVITE /m.test(m));
  const theirAnswer = messages.find((m) => m.includes(`Call-ID: ${consult.sipCallId}`) && /^SIP\/2\.0 200/m.test(m));
  const tag = (text, name) => new RegExp(`^${name}:.*;tag=([^;>\\s]+)`, 'm').exec(text ?? '')?.[1];
  const replacing = messages.find((m) => /^INVITE /m.test(m) && !m.includes(`Call-ID: ${consult.sipCallId}`));
  return { consult, ourTag: tag(ourInvite, 'From'), theirTag: tag(theirAnswer, 'To'), replacing };
}

describe('attended transfer', () => {
  it('consults with the original on hold, then the REFER carries Replaces naming the consult dialog exactly', async () => {
    const transferee = await farEnd('transfer-attended', 5180);
    const consultParty = await farEnd('transfer-consult', 5182);
    await withPage([transferee, consultParty], async (page) => {
      await place(page, 'original', transferee.uri);
      const original = await waitState(page, 'original', ['connected']);
      const consultPlaced = await page.evaluate((to) => window.phone.consult(window.calls.original, to).then((c) => ((window.calls.consult = c), { id: c.id }), (e) => ({ error: e.message })), consultParty.uri);
      assert.equal(consultPlaced.error, undefined);
      const consult = await waitState(page, 'consult', ['connected']);
      assert.equal(consult.consultFor, original.id);
      assert.equal((await page.evaluate(() => window.callState('original'))).held, true, 'the original is on hold while consulting');

      const result = await page.evaluate(() => window.calls.original.transfer(window.calls.consult).then(() => ({ ok: true }), (e) => ({ error: e.message })));
      assert.deepEqual(result, { ok: true });
      const [endedOriginal, endedConsult] = [await waitState(page, 'original', ['ended']), await waitState(page, 'consult', ['ended'])];
      assert.equal(endedOriginal.outcome.reason, 'transferred');
      assert.equal(endedConsult.outcome.reason, 'transferred');

      // The REFER as sent: Replaces = the consult call's Call-ID, the consult party's tag (to-tag) and ours (from-tag).
      await sipDumpCaughtUp(stackDir);
      const [refer] = refersOf(original.sipCallId);
      const referTo = header(refer, 'Refer-To');
      const consultMessages = sipMessages(stackDir).filter((m) => m.callId === consult.sipCallId);
      const invite = consultMessages.find((m) => m.direction === 'in' && m.method === 'INVITE' && m.status === undefined);
      const answer = consultMessages.find((m) => m.direction === 'out' && m.method === 'INVITE' && m.status === 200);
      const tag = (value) => /;\s*tag=([^;>\s]+)/.exec(value ?? '')?.[1];
      const replaces = decodeURIComponent(/\?Replaces=([^>]+)>$/.exec(referTo)?.[1] ?? '');
      assert.equal(replaces, `${consult.sipCallId};to-tag=${tag(header(answer, 'To'))};from-tag=${tag(header(invite, 'From'))}`);
      assert.match(referTo, /^<sip:far@127\.0\.0\.1:5182;transport=udp\?Replaces=/, 'Refer-To is the consult party\'s Contact');
      assert.match(transferee.received(), /Refer-To: <sip:far@127\.0\.0\.1:5182;transport=udp\?Replaces=/);
    });
  });

  it('linphone (the stack\'s second far end) follows the attended REFER: the consult party gets its INVITE with Replaces naming the consult dialog', async () => {
    const consultParty = await farEnd('transfer-consult-replaced', 5172, 2);
    await withPage([consultParty], async (page) => {
      const { consult, ourTag, theirTag, replacing } = await attended(page, '+442079460959', consultParty);
      assert.match(replacing, /^User-Agent: Linphonec/m, 'the new call comes from linphone');
      assert.match(replacing, /^Referred-By: <?sip:agent@127\.0\.0\.1>?/m);
      assert.equal(/^Replaces: (.*)$/m.exec(replacing)?.[1].trim(), `${consult.sipCallId};to-tag=${theirTag};from-tag=${ourTag}`);
    });
  });

  it('baresip follows an attended REFER by calling the consult party, but without a Replaces header (a baresip 1.0 limit)', async () => {
    const consultParty = await farEnd('transfer-consult-replaced', 5170, 2);
    const transferee = await baresipTransferee();
    try {
      await withPage([consultParty], async (page) => {
        const { consult, replacing } = await attended(page, transferee.uri, consultParty);
        assert.match(replacing, /^From: <sip:transferee@127\.0\.0\.1:5188>/m, 'the new call comes from baresip');
        // baresip copies the Refer-To's ?Replaces=... into the Request-URI (its ; and = turned into ?) instead of a header.
        assert.match(replacing, new RegExp(`^INVITE sip:far@127\\.0\\.0\\.1:5170;transport=udp\\?Replaces=${consult.sipCallId}\\?`, 'm'));
        assert.doesNotMatch(replacing, /^Replaces:/m);
      });
    } finally {
      await transferee.stop();
    }
  });

  it('cancelling the consult hangs it up and takes the original back from hold', async () => {
    const original = await farEnd('transfer-hold-resume', 5184);
    const consultParty = await farEnd('transfer-consult', 5186);
    await withPage([original, consultParty], async (page) => {
      await place(page, 'original', original.uri);
      await waitState(page, 'original', ['connected']);
      await page.evaluate((to) => window.phone.consult(window.calls.original, to).then((c) => (window.calls.consult = c)), consultParty.uri);
      await waitState(page, 'consult', ['connected']);
      await page.evaluate(() => window.phone.cancelConsult(window.calls.consult));
      const [consult, back] = [await waitState(page, 'consult', ['ended']), await page.evaluate(() => window.callState('original'))];
      assert.equal(consult.outcome.reason, 'hangup');
      assert.deepEqual([back.state, back.held ?? false], ['connected', false]);
      await page.evaluate(() => window.calls.original.hangup());
      await waitState(page, 'original', ['ended']);
    });
  });
});
