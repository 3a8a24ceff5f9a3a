// The one browser every test, benchmark and screenshot uses: Debian's Chromium, never a
// downloaded one. As root it needs --no-sandbox; the fake devices stand in for a microphone;
// the background-networking flags keep it from calling out of this machine.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Everything a page can store for an origin, for CDP's `Storage.clearDataForOrigin`: what pages
 * that share one browser context (wtr's test files, Storybook's stories) clear between them.
 */
export const EVERY_STORAGE_TYPE = 'cookies,file_systems,indexeddb,local_storage,websql,service_workers,cache_storage,shared_storage,storage_buckets';
