// Call scenarios shared by the cross-browser suites (firefox, tls, turn, interop): each places a
// real call with the CDN build's Phone and asserts on what the FAR END saw (Kamailio's SIP dump,
// baresip's DTMF log and WAV, sipp's INFO log, coturn's log). Every wait has a deadline.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  baresipDtmf,
  baresipRecordings,
  logSize,
  messagesForCall,
  rtpengineDtmf,
  sippInfoDigits,
  waitFor,
} from '../stack/far-end.mjs';
import { heardFromCaller, plan, sleep, stackDir } from './harness.mjs';

export const AOR = `sip:agent@${plan.domain}`;
export const PAGE = '/test/e2e/pages/phone.html';

/** Opens the phone test page in a browser driver (lib/browsers.mjs) and makes its phone. */
export async function phonePage(browser, origin, config, { beforePhone } = {}) {
  const page = await browser.open(`${origin}${PAGE}`);
  if (beforePhone) await beforePhone(page);
  await page.evaluate((c) => window.makePhone(c), { server: plan.wsUrl, aor: AOR, displayName: 'E2E Agent', ...config });
  return page;
}

/**
 * baresip names each recording by the second its media started: a call whose media started in
 * the same second as the previous one (the last call of the file before, say) would share and
 * spoil its file. So a call waits for the rest of that second (at most 1 s, usually nothing).
 */
async function baresipSecondOver() {
  const newest = baresipRecordings(stackDir).at(-1);
  const rest = newest ? newest.startedAt + 1000 - Date.now() : 0;
  if (rest > 0) await sleep(rest);
}

export async function place(page, name, to, options) {
  await baresipSecondOver();
  const placed = await page.evaluate(([n, t, o]) => window.placeCall(n, t, o), [name, to, options ?? {}]);
  assert.equal(placed.error, undefined, `call refused: ${JSON.stringify(placed.error)}`);
  return placed;
}

export async function waitState(page, name, states, timeout = 15000) {
  const wanted = Array.isArray(states) ? states : [states];
  try {
    await page.waitFor(([n, w]) => w.includes(window.callState(n)?.state), [name, wanted], timeout);
  } catch (error) {
    const now = await page.evaluate((n) => window.callState(n), name);
    throw new Error(`call ${name} never reached ${wanted.join('/')}: ${JSON.stringify(now)} (${String(error.message).split('\n')[0]})`, { cause: error });
  }
  return page.evaluate((n) => window.callState(n), name);
}

/** The INVITE Kamailio received from the browser for this call (initial, no To-tag). */
export async function inviteOf(page, name) {
  const sipCallId = await waitFor(() => page.evaluate((n) => window.callState(n)?.sipCallId ?? null, name), 8000);
  const invite = await waitFor(() =>
    messagesForCall(stackDir, sipCallId).filter((m) => m.direction === 'in' && m.method === 'INVITE' && /^ws/.test(m.proto)).at(-1),
  );
  return { sipCallId, invite };
}

/** Post-dial delay from the page's click to the 200 OK Kamailio sent to the browser. */
export async function postDialDelay(page, name, placed) {
  const { sipCallId, invite } = await inviteOf(page, name);
  const firstInvite = messagesForCall(stackDir, sipCallId).find((m) => m.direction === 'in' && m.method === 'INVITE' && /^ws/.test(m.proto));
  const ok = await waitFor(() =>
    messagesForCall(stackDir, sipCallId).find((m) => m.direction === 'out' && m.status === 200 && /INVITE/.test(m.cseq) && /^ws/.test(m.proto)),
  );
  return { clickToInvite: Math.round(firstInvite.time - placed.clickAt), clickTo200: Math.round(ok.time - placed.clickAt), inviteTo200: Math.round(ok.time - invite.time) };
}

/** Browser-side RTP counters after media has run a while. */
/**
 * The far end's 200 OKs to a call's INVITEs (initial and re-INVITEs), one per INVITE: a UDP far
 * end retransmits its 200 OK until the ACK arrives (every 500 ms), so a loaded machine logs one twice.
 */
export const answersFromFarEnd = (messages) =>
  messages
    .filter((m) => m.direction === 'in' && !m.proto.startsWith('ws') && m.status === 200 && /INVITE/.test(m.cseq))
    .filter((m, i, answers) => answers.findIndex((other) => other.cseq === m.cseq) === i);

export async function mediaStats(page, name) {
  return page.evaluate((n) => window.calls[n].getMediaStats(), name);
}

/** Sends digits (RFC 4733) and returns what baresip logged, in order. */
export async function rfc4733AtBaresip(page, name, digits) {
  const mark = logSize(stackDir, 'baresip');
  await page.evaluate(([n, d]) => d.forEach((digit) => window.calls[n].sendDtmf(digit)), [name, digits]);
  return waitFor(() => {
    const seen = baresipDtmf(stackDir, mark).rfc4733;
    return seen.length >= digits.length && seen;
  }, 10000);
}

/** Sends digits in SIP INFO mode to baresip and returns what it logged ("call: received DTMF"). */
export async function infoAtBaresip(page, name, digits) {
  const mark = logSize(stackDir, 'baresip');
  await page.evaluate(([n, d]) => d.forEach((digit) => window.calls[n].sendDtmf(digit)), [name, digits]);
  return waitFor(() => {
    const seen = baresipDtmf(stackDir, mark).info;
    return seen.length >= digits.length && seen;
  }, 10000);
}

/** Sends digits in SIP INFO mode to the sipp answer far end; returns the digits it logged. */
export async function infoAtSipp(page, name, sipCallId, digits) {
  await page.evaluate(([n, d]) => d.forEach((digit) => window.calls[n].sendDtmf(digit)), [name, digits]);
  return waitFor(() => {
    const seen = sippInfoDigits(stackDir, sipCallId);
    return seen.length >= digits.length && seen.map((d) => d.digit);
  }, 10000);
}

/**
 * The digits rtpengine logged as relayed from the caller, once there are `count` of them (or what
 * there is after 5 s): its DTMF log reaches the stack's log a moment after the far end has them.
 */
export async function relayedDtmf(sipCallId, count) {
  const relayed = () => rtpengineDtmf(stackDir)[sipCallId]?.caller ?? [];
  return waitFor(() => relayed().length >= count && relayed(), 5000).catch(() => relayed());
}

/**
 * Mute in the middle of a call to baresip: `phaseMs` of microphone, `phaseMs` muted, `phaseMs`
 * again. Returns the mute/unmute times and the recording's analysis (after the hang-up).
 */
export async function muteCycle(page, name, phaseMs = 2500) {
  await sleep(phaseMs);
  await page.evaluate((n) => window.calls[n].mute(), name);
  await sleep(phaseMs);
  await page.evaluate((n) => window.calls[n].unmute(), name);
  await sleep(phaseMs);
  const [mutedAt, unmutedAt] = await page.evaluate(
    (n) => window.events.filter((e) => e.type === 'vc-call-mute' && e.callId === window.calls[n].id).map((e) => e.at),
    name,
  );
  return { mutedForMs: unmutedAt - mutedAt };
}

/** The far end heard the caller, then one silence as long as the mute, then the caller again. */
export async function assertMuteHeardAtBaresip(sipCallId, mutedForMs) {
  const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === sipCallId), 8000);
  const heard = heardFromCaller(recording.dec, { minSilenceMs: Math.min(1500, mutedForMs - 500) });
  assert.equal(heard.silences.length, 1, `one long silence, the mute: ${JSON.stringify(heard.silences)}`);
  const [silence] = heard.silences;
  assert.ok(silence.ms >= mutedForMs - 600 && silence.ms <= mutedForMs + 1200, `silence of ${silence.ms} ms for a mute of ${mutedForMs} ms`);
  assert.ok(heard.loudBetween(0, silence.startMs) >= 2, 'the microphone heard before the mute');
  assert.ok(heard.loudBetween(silence.endMs, heard.audio.durationMs) >= 2, 'and again after it');
  return { recording: path.basename(recording.dec), silence, loud: heard.loudBetween(0, heard.audio.durationMs) };
}

/** baresip heard the caller's microphone on this call (loud 100 ms windows in its dec WAV). */
export async function loudWindowsAtBaresip(sipCallId) {
  const recording = await waitFor(() => baresipRecordings(stackDir).find((r) => r.callId === sipCallId), 8000);
  const heard = heardFromCaller(recording.dec);
  return heard.loudBetween(0, heard.audio.durationMs);
}

/** Hangs up and checks the far end got the BYE (relayed by Kamailio to the UDP side, 200 back). */
export async function hangupSeenAtFarEnd(page, name, sipCallId) {
  await page.evaluate((n) => window.calls[n].hangup(), name);
  const state = await waitState(page, name, 'ended');
  await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.method === 'BYE' && m.direction === 'out' && !/^ws/.test(m.proto)), 8000);
  await waitFor(() => messagesForCall(stackDir, sipCallId).find((m) => m.status === 200 && /BYE/.test(m.cseq) && m.direction === 'in'), 8000);
  return state;
}

// ---------- coturn ----------

/** coturn's log (DIR/logs/coturn-lt.log or coturn-rest.log) from a byte offset. */
export function coturnLog(which, since = 0) {
  const file = path.join(stackDir, 'logs', `coturn-${which}.log`);
  try {
    return fs.readFileSync(file, 'latin1').slice(since);
  } catch {
    return '';
  }
}

export const coturnMark = (which) => logSize(stackDir, `coturn-${which}`);

/**
 * What coturn saw since a mark: successful allocations (with the username), the peers it was
 * permitted to send to, and the relayed traffic of each closed session (rp/rb received, sp/sb
 * sent packets/bytes, from coturn's "usage" lines).
 */
export function coturnSessions(which, since = 0) {
  const text = coturnLog(which, since);
  const sessions = new Map();
  const get = (id) => {
    if (!sessions.has(id)) sessions.set(id, { id, user: undefined, allocated: false, peers: new Set(), usage: { rp: 0, rb: 0, sp: 0, sb: 0 }, refused: 0 });
    return sessions.get(id);
  };
  for (const line of text.split('\n')) {
    const id = line.match(/session (\d+)/)?.[1];
    if (!id) continue;
    const s = get(id);
    const user = line.match(/user <([^>]*)>/)?.[1] ?? line.match(/username=<([^>]*)>/)?.[1];
    if (user) s.user = user;
    if (/ALLOCATE processed, success/.test(line)) s.allocated = true;
    if (/ALLOCATE processed, error 4\d\d/.test(line)) s.refused += 1;
    const peer = line.match(/peer (\d+\.\d+\.\d+\.\d+:?\d*)/)?.[1];
    if (peer) s.peers.add(peer);
    const usage = line.match(/rp=(\d+), rb=(\d+), sp=(\d+), sb=(\d+)/);
    if (usage) s.usage = { rp: Number(usage[1]), rb: Number(usage[2]), sp: Number(usage[3]), sb: Number(usage[4]) };
  }
  return [...sessions.values()].map((s) => ({ ...s, peers: [...s.peers] }));
}
