#!/usr/bin/env node
// Screenshots of the demo CRM page with real calls (needs `npm start` running, with the stack):
//   node scripts/screenshot-demo.mjs [http://localhost:8000/] [out-dir]
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../test/e2e/lib/harness.mjs';

const url = process.argv[2] ?? 'http://localhost:8000/';
const out = process.argv[3] ?? 'docs';
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
await context.grantPermissions(['microphone'], { origin: new URL(url).origin });
const page = await context.newPage();
await page.goto(url);
await page.getByRole('link', { name: /Call Dev Patel/ }).click();
await page.getByText(/Ended|busy/).first().waitFor({ timeout: 10000 });
await page.getByRole('link', { name: /Call Alice Martin/ }).click();
const box = page.getByRole('group', { name: /Call with \+44 20 7946 0958/ });
await box.getByText('Connected').first().waitFor({ timeout: 10000 });
await box.getByRole('button', { name: 'Keypad' }).click();
for (const key of ['1', '2 ABC']) await box.getByRole('button', { name: key, exact: true }).click();
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}/demo.png` });
await box.getByRole('button', { name: 'Close' }).click();
await page.waitForTimeout(400);
await page.screenshot({ path: `${out}/demo-close-dialog.png` });
await page.getByRole('dialog').getByRole('button', { name: 'Hang up' }).click();
await box.getByText(/Ended/).first().waitFor();
await page.screenshot({ path: `${out}/demo-ended.png` });
await browser.close();
console.log(`screenshots in ${out}/`);
