// Throwaway test page for the stack self-test (bare sip.js, not the vc-phone elements).
// Bundled by selftest-browser.mjs with esbuild into a temp folder outside the repo.
// window.vcCall(options) places one call over the WebSocket and resolves with what the page saw.
import { Inviter, SessionState, UserAgent } from 'sip.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function mediaConnected(pc, timeoutMs) {
  return new Promise((res) => {
    const check = () => {
      if (pc.connectionState === 'connected') res(true);
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') res(false);
    };
    pc.addEventListener('connectionstatechange', check);
    check();
    setTimeout(() => res(false), timeoutMs);
  });
}

/**
 * o: { ws, target, user?, auth?: {username, password}, preloadedRouteSet?, extraHeaders?,
 *      dtmfRtp?, dtmfInfo?, mute?: {beforeMs, muteMs, afterMs}, holdMs?, waitRemoteBye?,
 *      cancelAfterRingingMs? }
 */
async function vcCall(o) {
  const t0 = Date.now();
  const ev = [];
  const log = (what, detail) => ev.push({ t: Date.now() - t0, at: Date.now(), what, detail });
  const r = { events: ev, final: undefined, callId: undefined, established: false, media: false, terminatedBy: undefined };
  const ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${o.user ?? 'agent'}@127.0.0.1`),
    transportOptions: { server: o.ws },
    authorizationUsername: o.auth?.username,
    authorizationPassword: o.auth?.password,
    preloadedRouteSet: o.preloadedRouteSet,
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: [] }, // loopback only: no STUN/TURN
      iceGatheringTimeout: 1000,
    },
    logLevel: 'error',
  });
  try {
    await ua.start();
    const inv = new Inviter(ua, UserAgent.makeURI(o.target), {
      extraHeaders: o.extraHeaders ?? [],
      sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } },
    });
    r.callId = inv.request.callId;
    let byeSent = false;
    const ended = new Promise((res) => inv.stateChange.addListener((st) => {
      log(`state ${st}`);
      if (st === SessionState.Established) r.established = true;
      if (st === SessionState.Terminated) {
        if (!r.terminatedBy) r.terminatedBy = byeSent ? 'local' : r.established ? 'remote' : 'failed';
        res();
      }
    }));
    const established = new Promise((res) => inv.stateChange.addListener((st) => {
      if (st === SessionState.Established || st === SessionState.Terminated) res(st === SessionState.Established);
    }));
    await inv.invite({
      requestDelegate: {
        onAccept: (resp) => { r.final = resp.message.statusCode; log(`final ${r.final}`); },
        onReject: (resp) => { r.final = resp.message.statusCode; log(`final ${r.final}`); },
        onProgress: (resp) => {
          log(`progress ${resp.message.statusCode}`);
          if (o.cancelAfterRingingMs !== undefined && resp.message.statusCode === 180 && !r.cancelled) {
            r.cancelled = true;
            setTimeout(() => { log('cancel'); inv.cancel().catch((e) => log('cancel error ' + e)); }, o.cancelAfterRingingMs);
          }
        },
      },
    });
    const ok = await Promise.race([established, sleep(15000).then(() => false)]);
    if (ok) {
      const pc = inv.sessionDescriptionHandler.peerConnection;
      r.media = await mediaConnected(pc, 5000);
      log(r.media ? 'media connected' : 'media NOT connected');
      const sender = pc.getSenders().find((s) => s.track?.kind === 'audio');
      if (o.waitRemoteBye) {
        await Promise.race([ended, sleep(8000)]);
      } else {
        await sleep(o.holdMs ?? 800);
        if (o.dtmfRtp) {
          const dtmf = sender.dtmf;
          const done = new Promise((res) => {
            dtmf.ontonechange = (e) => { if (e.tone === '') res(); };
            setTimeout(res, 5000);
          });
          log('dtmf rtp ' + o.dtmfRtp);
          inv.sessionDescriptionHandler.sendDtmf(o.dtmfRtp, { duration: 160, interToneGap: 100 });
          await done;
        }
        for (const d of o.dtmfInfo ?? '') {
          await new Promise((res) => {
            inv.info({
              requestDelegate: { onAccept: (x) => { log(`INFO ${d} -> ${x.message.statusCode}`); res(); },
                onReject: (x) => { log(`INFO ${d} -> ${x.message.statusCode}`); res(); } },
              requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay',
                content: `Signal=${d}\r\nDuration=160` } },
            }).catch(() => res());
          });
        }
        if (o.mute) {
          await sleep(o.mute.beforeMs);
          sender.track.enabled = false;
          log('mute on');
          await sleep(o.mute.muteMs);
          sender.track.enabled = true;
          log('mute off');
          await sleep(o.mute.afterMs);
        }
        if (inv.state === SessionState.Established) {
          byeSent = true;
          log('bye');
          await inv.bye();
        }
        await Promise.race([ended, sleep(5000)]);
      }
    } else {
      await Promise.race([ended, sleep(2000)]);
    }
  } catch (e) {
    log('error ' + String(e));
    r.error = String(e);
  }
  await ua.stop().catch(() => {});
  r.totalMs = Date.now() - t0;
  return r;
}

window.vcCall = vcCall;
window.vcReady = true;
