// The npm package as a user gets it: `npm pack`, install the tarball into a scratch project in
// /tmp, check its types resolve, bundle a page with esbuild, load it in Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium, serveDir } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

let work;
let project;
let tarball;
let browser;
let web;

before(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-pack-'));
  // prepack builds dist/ and cdn/.
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work, '--loglevel=error'], root));
  tarball = path.join(work, packed[0].filename);
  project = path.join(work, 'project');
  fs.mkdirSync(path.join(project, 'src'), { recursive: true });
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  const install = ['install', tarball, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'];
  try {
    run('npm', [...install, '--offline'], project); // everything it needs is in the npm cache
  } catch {
    run('npm', [...install, '--prefer-offline'], project);
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await web?.close();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('npm package', () => {
  it('ships dist, cdn, the manifest and docs, and no sources or tests', () => {
    const list = run('tar', ['-tzf', tarball], work).split('\n').filter(Boolean);
    for (const wanted of [
      'package/dist/index.js',
      'package/dist/index.d.ts',
      'package/dist/vc-phone.js',
      'package/dist/react/index.js',
      'package/dist/testing/index.js',
      'package/dist/testing/index.d.ts',
      'package/dist/components/dialpad/vc-dialpad.js',
      'package/cdn/vc-phone.js',
      'package/cdn/index.js',
      'package/custom-elements.json',
      'package/vscode.html-custom-data.json',
      'package/README.md',
      'package/CHANGELOG.md',
    ]) {
      assert.ok(list.includes(wanted), `${wanted} missing from the tarball`);
    }
    assert.ok(list.some((f) => f.endsWith('.js.map')), 'source maps');
    assert.equal(list.filter((f) => /^package\/(src|test|stories|bench|scripts)\//.test(f)).length, 0, 'sources or tests in the tarball');
  });

  it('keeps lit, sip.js, libphonenumber-js and @lit/context as imports in dist', () => {
    const dist = path.join(project, 'node_modules/vc-phone/dist');
    const sipEngine = fs.readFileSync(path.join(dist, 'phone/sip-engine.js'), 'utf8');
    assert.match(sipEngine, /from 'sip\.js'/);
    assert.match(fs.readFileSync(path.join(dist, 'phone/dialing.js'), 'utf8'), /from 'libphonenumber-js\/min'/);
    assert.match(fs.readFileSync(path.join(dist, 'components/phone/phone.js'), 'utf8'), /from 'lit'/);
    assert.match(fs.readFileSync(path.join(dist, 'context/phone-context.js'), 'utf8'), /from '@lit\/context'/);
  });

  it('leaks no sip.js type into the declarations of the public API', () => {
    const dist = path.join(project, 'node_modules/vc-phone/dist');
    const offenders = [];
    const walk = (dir) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (file.endsWith('.d.ts') && !file.endsWith(path.join('phone', 'sip-engine.d.ts'))) {
          if (/from ['"]sip\.js|import\(['"]sip\.js/.test(fs.readFileSync(file, 'utf8'))) offenders.push(path.relative(dist, file));
        }
      }
    };
    walk(dist);
    assert.deepEqual(offenders, []);
    // The one module that does use sip.js types is internal: no public entry reaches it.
    const publicEntry = fs.readFileSync(path.join(dist, 'phone/index.d.ts'), 'utf8');
    assert.doesNotMatch(publicEntry, /sip-engine/);
  });

  it('resolves its types through the exports map (tsc, moduleResolution bundler)', () => {
    fs.writeFileSync(
      path.join(project, 'src/types.ts'),
      `import { Phone, VcPhone, type CallOptions, type VcCallEndedEvent } from 'vc-phone';
import 'vc-phone/vc-phone.js';
import 'vc-phone/components/dialpad/vc-dialpad.js';
import { FakePhone, type TelephonyEngine } from 'vc-phone/testing';
const options: CallOptions = { context: { Ticket: '42' } };
const phone: Phone = new FakePhone();
const seam: keyof TelephonyEngine = 'placeCall';
const el: VcPhone = document.createElement('vc-phone');
el.addEventListener('vc-call-ended', (event: VcCallEndedEvent) => console.log(event.detail.call.outcome, options, phone, seam));
`,
    );
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, module: 'ES2022', moduleResolution: 'Bundler', target: 'ES2021', lib: ['ES2022', 'DOM'], noEmit: true, skipLibCheck: false, types: [] }, include: ['src/types.ts'] }),
    );
    try {
      run(bin('tsc'), ['-p', 'tsconfig.json'], project);
    } catch (error) {
      assert.fail(`tsc: ${error.stdout}${error.stderr}`);
    }
  });

  it('bundles with esbuild and works in Chromium; the main entry defines nothing', async () => {
    fs.writeFileSync(path.join(project, 'src/app.js'), `import 'vc-phone/vc-phone.js';\ndocument.body.innerHTML = '<vc-phone server="wss://sip.example.com/ws" aor="sip:agent@example.com"></vc-phone>';\n`);
    fs.writeFileSync(
      path.join(project, 'src/api.js'),
      `import { Phone } from 'vc-phone';\nwindow.phoneIsClass = typeof Phone === 'function';\nwindow.defined = ['vc-phone', 'vc-place-call', 'vc-call-box', 'vc-dialpad'].filter((t) => customElements.get(t));\n`,
    );
    run(bin('esbuild'), ['src/app.js', 'src/api.js', '--bundle', '--format=esm', '--splitting', '--outdir=public', '--log-level=error'], project);
    for (const name of ['app', 'api']) fs.writeFileSync(path.join(project, `public/${name}.html`), `<!doctype html><html lang="en"><title>${name}</title><body><script type="module" src="./${name}.js"></script></body></html>`);
    // Tree-shaking with "sideEffects": the API bundle carries no element at all.
    const apiBundle = fs.readFileSync(path.join(project, 'public/api.js'), 'utf8');
    assert.doesNotMatch(apiBundle, /customElements\.define/);
    web = await serveDir(path.join(project, 'public'));

    const app = await browser.newPage();
    const errors = [];
    app.on('pageerror', (error) => errors.push(error.message));
    await app.goto(`${web.origin}/app.html`);
    await app.getByRole('button', { name: 'Place call' }).waitFor({ timeout: 10000 });
    assert.equal(await app.evaluate(() => !!customElements.get('vc-phone') && !!customElements.get('vc-call-box')), true);
    await app.getByRole('button', { name: 'Place call' }).click();
    await app.getByRole('textbox', { name: 'Phone number' }).fill('+44 20 7946 0958');
    await app.waitForFunction(() => {
      const field = document.querySelector('vc-phone').shadowRoot.querySelector('vc-place-call').shadowRoot;
      return !field.querySelector('[part="call-button"]').disabled;
    });
    assert.deepEqual(errors, []);

    const api = await browser.newPage();
    await api.goto(`${web.origin}/api.html`);
    await api.waitForFunction(() => window.defined !== undefined);
    assert.equal(await api.evaluate(() => window.phoneIsClass), true);
    assert.deepEqual(await api.evaluate(() => window.defined), []);
  });
});
