// Timestamps of each key press (the input event's own time) and of each tone going out
// (vc-call-dtmf is dispatched when the RTCDTMFSender starts playing the digit).
window.presses = [];
window.tones = [];
document.addEventListener('click', (event) => window.presses.push(event.timeStamp), true);
document.addEventListener('vc-call-dtmf', (event) => window.tones.push({ at: performance.now(), digit: event.detail.digit }));
await customElements.whenDefined('vc-phone');
window.vcReady = true;
