// Prefs every headless Debian firefox-esr of the tests gets (the e2e driver in browsers.mjs and
// the web-test-runner launcher in test/browsers/firefox-launcher.mjs): a fake microphone with
// its permission granted, loopback ICE candidates, and nothing running in the background.
// Why the permission and loopback prefs matter inside a network namespace: see browsers.mjs.
export const FIREFOX_MEDIA_PREFS = {
  'media.navigator.streams.fake': true,
  'media.navigator.permission.disabled': true,
  'permissions.default.microphone': 1,
  'media.peerconnection.ice.loopback': true,
  'media.autoplay.default': 0,
  'media.autoplay.blocking_policy': 0,
};

export const FIREFOX_QUIET_PREFS = {
  'app.update.enabled': false,
  'app.normandy.enabled': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'extensions.update.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'browser.region.network.url': '',
  'services.settings.server': 'http://127.0.0.1:9/',
};
