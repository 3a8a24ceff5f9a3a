// The committed custom-elements.json and vscode.html-custom-data.json must be what the analyzer
// makes from the current sources (`npm run analyze` regenerates them).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

it('custom-elements.json and the VS Code custom data are up to date (else: npm run analyze)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-cem-'));
  try {
    execFileSync(path.join(root, 'node_modules/.bin/cem'), ['analyze', '--config', 'custom-elements-manifest.config.mjs'], {
      cwd: root,
      // The analyzer puts its outdir under the working directory: give it a relative path.
      env: { ...process.env, CEM_OUTDIR: path.relative(root, out) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const file of ['custom-elements.json', 'vscode.html-custom-data.json']) {
      const fresh = JSON.parse(fs.readFileSync(path.join(out, file), 'utf8'));
      const committed = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8'));
      assert.deepEqual(committed, fresh, `${file} is stale: run npm run analyze`);
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'custom-elements.json'), 'utf8'));
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement).map((d) => d.tagName).sort();
    assert.deepEqual(tags, ['vc-audio-settings', 'vc-call-box', 'vc-call-history', 'vc-call-list', 'vc-color-tag', 'vc-dialpad', 'vc-mute-button', 'vc-phone', 'vc-phone-status', 'vc-place-call', 'vc-transfer', 'vc-wrap-up']);
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
