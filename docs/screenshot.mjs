// Makes docs/screenshot.png (the README's picture) from the built Storybook:
//   npm run build-storybook && node docs/screenshot.mjs
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveDir } from '../test/package/browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = await serveDir(path.join(root, 'storybook-static'));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 460, height: 1200 }, deviceScaleFactor: 1.5 });
  await page.goto(`${web.origin}/iframe.html?id=elements-vc-phone--several-boxes&viewMode=story`);
  await page.waitForFunction(() => ['completed', 'finished'].includes(window.__STORYBOOK_PREVIEW__?.currentRender?.phase));
  // Open the number field with a number typed, as an agent placing a fifth call would see it.
  await page.getByRole('button', { name: 'Place call' }).click();
  await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('+4930901820');
  await page.waitForTimeout(300);
  const box = await page.locator('vc-phone').boundingBox();
  await page.screenshot({
    path: path.join(root, 'docs/screenshot.png'),
    clip: { x: 0, y: 0, width: Math.ceil(box.x + box.width + 16), height: Math.ceil(box.y + box.height + 16) },
  });
} finally {
  await browser.close();
  await web.close();
}
