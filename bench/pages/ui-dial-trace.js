// Post-dial trace for bench/post-dial-delay.mjs: records, in epoch milliseconds, what happens
// between the agent's click on "Call" and the INVITE leaving the page, without changing it:
// pointer events, chunk downloads, getUserMedia, the peer connection's steps, the first ICE
// candidate, the WebSocket send of the INVITE (and its Call-ID), long tasks.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const trace = (window.vcTrace = { events: [] });
  const mark = (name, at = now(), extra) => {
    trace.events.push({ name, at, ...extra });
    // Also on the Chromium trace's timeline (user timing), for a profile of the click path.
    if (name === 'pointerdown' || name.startsWith('ws:') || name.startsWith('pc:') || name.startsWith('ice:')) performance.mark(`vc-${name}`);
  };
  // The hardware timestamp of the click (event.timeStamp is when the browser received the input).
  for (const type of ['pointerdown', 'pointerup', 'click', 'keydown']) {
    addEventListener(type, (event) => {
      const path = event.composedPath();
      const target = path.find((node) => node instanceof HTMLElement && (node.tagName === 'BUTTON' || node.tagName === 'INPUT'));
      mark(type, performance.timeOrigin + event.timeStamp, { target: target ? `${target.tagName.toLowerCase()}:${(target.textContent || target.getAttribute('aria-label') || target.id || '').trim()}` : '' });
    }, { capture: true });
  }
  const wrap = (object, name, label) => {
    const original = object?.[name];
    if (typeof original !== 'function') return;
    object[name] = function (...args) {
      mark(`${label}:start`);
      const result = original.apply(this, args);
      if (result && typeof result.then === 'function') result.then(() => mark(`${label}:done`), () => mark(`${label}:failed`));
      return result;
    };
  };
  wrap(navigator.mediaDevices, 'getUserMedia', 'getUserMedia');
  const NativePC = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePC {
    constructor(...args) {
      mark('pc:new');
      super(...args);
      let first = true;
      this.addEventListener('icecandidate', (event) => {
        if (event.candidate && first) {
          first = false;
          mark('ice:first-candidate', now(), { detail: `${event.candidate.protocol} ${event.candidate.type}` });
        } else if (!event.candidate) mark('ice:gathering-complete');
      });
    }
  };
  wrap(NativePC.prototype, 'createOffer', 'pc:createOffer');
  wrap(NativePC.prototype, 'setLocalDescription', 'pc:setLocalDescription');
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string') {
      const method = /^([A-Z]+) sip:/.exec(data)?.[1];
      const callId = /\r\n(?:Call-ID|i):\s*([^\r\n]+)/i.exec(data)?.[1];
      if (method) mark(`ws:${method}`, now(), { callId });
    }
    return send.call(this, data);
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const at = performance.timeOrigin + entry.startTime;
      if (entry.entryType === 'resource') mark('chunk', at, { detail: entry.name.replace(/^.*\/cdn\//, ''), end: performance.timeOrigin + entry.responseEnd });
      else mark('longtask', at, { duration: entry.duration });
    }
  }).observe({ entryTypes: ['resource', 'longtask'] });
})();
