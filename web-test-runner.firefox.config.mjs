// The same unit and element tests as web-test-runner.config.mjs, in Debian's firefox-esr
// (headless, puppeteer-core over WebDriver BiDi: see test/browsers/firefox-launcher.mjs).
import base from './web-test-runner.config.mjs';
import { firefoxLauncher } from './test/browsers/firefox-launcher.mjs';

export default {
  ...base,
  browsers: [firefoxLauncher()],
  // Browser gap, harness only: headless Chromium has no browser UI, so a Tab pressed on the
  // page's last focusable element leaves focus in the page (on <body>); Firefox moves it into
  // its own UI (the address bar) and the page never gets system focus back, so focus/blur
  // events stop firing for every later test in that file. A focusable sentinel after <body>
  // (fixtures are appended inside <body>, so it is always last) keeps that Tab in the page,
  // and Shift+Tab from it comes back to the last element, as in Chromium.
  testRunnerHtml: (testFramework) => `<!DOCTYPE html>
<html>
  <head></head>
  <body>
    <script>
      const sentinel = document.createElement('span');
      sentinel.tabIndex = 0;
      sentinel.setAttribute('data-wtr-focus-sentinel', '');
      document.documentElement.append(sentinel);
    </script>
    <script type="module" src="${testFramework}"></script>
  </body>
</html>`,
};
