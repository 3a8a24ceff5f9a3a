// The npm package as a user gets it: `npm pack`, install the tarball into a scratch project in
// /tmp, check its types resolve, bundle a page with esbuild, load it in Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { launchChromium, serveDir } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** Every file under `dir` (recursively) whose name ends with `suffix`. */
const filesUnder = (dir, suffix) =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith(suffix)).map((entry) => path.join(entry.parentPath, entry.name));

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

  it("imports its dependencies from dist (nothing bundled), and only those package.json declares", () => {
    const installed = path.join(project, 'node_modules/vc-phone');
    const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    const declared = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }).sort();
    const imported = new Set();
    for (const file of filesUnder(path.join(installed, 'dist'), '.js')) {
      // TypeScript's scanner finds static and dynamic imports, and skips code samples in comments.
      for (const { fileName: specifier } of ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles) {
        if (specifier.startsWith('.')) continue;
        // 'lit/decorators.js' -> lit, '@lit/context' -> @lit/context
        imported.add(specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/'));
      }
    }
    assert.deepEqual([...imported].filter((name) => !declared.includes(name)), [], 'dist imports a package missing from dependencies');
    assert.deepEqual(declared.filter((name) => !imported.has(name)), [], 'a dependency dist never imports (bundled in, or unused)');
  });

  it('leaks no sip.js type into the declarations a user can reach', () => {
    const installed = path.join(project, 'node_modules/vc-phone');
    const pkg = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    // Every entry of the exports map; "./components/*.js" opens every component module.
    const entries = [
      ...Object.values(pkg.exports).flatMap((target) => (typeof target === 'object' && !target.types.includes('*') ? [target.types] : [])),
      ...filesUnder(path.join(installed, 'dist/components'), '.d.ts').map((file) => path.relative(installed, file)),
    ].map((file) => path.join(installed, file));
    const program = ts.createProgram(entries, { module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], noEmit: true });
    const reached = program.getSourceFiles().map((file) => file.fileName);
    assert.ok(reached.some((file) => file.endsWith('/dist/index.d.ts')), 'the main entry is among the declarations read');
    const sipTypes = reached.filter((file) => file.includes('/node_modules/sip.js/'));
    const leaks = reached.filter((file) => file.includes('/vc-phone/dist/') && /from ['"]sip\.js|import\(['"]sip\.js/.test(fs.readFileSync(file, 'utf8')));
    assert.deepEqual(leaks.map((file) => path.relative(installed, file)), [], 'public declarations that import sip.js');
    assert.deepEqual(sipTypes, [], 'sip.js declarations reached from a public entry');
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
    // What <vc-phone> does with its phone (its wiring) comes with the element entry, not later from
    // a chunk of its own: "sideEffects" must not let the bundler drop that import.
    fs.writeFileSync(path.join(project, 'src/app.js'), `import 'vc-phone/vc-phone.js';\nwindow.wiredAtStart = !!globalThis[Symbol.for('vc-phone:phone-wiring:v2')];\ndocument.body.innerHTML = '<vc-phone server="wss://sip.example.com/ws" aor="sip:agent@example.com"></vc-phone>';\n`);
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
    assert.equal(await app.evaluate(() => window.wiredAtStart), true, "the element's wiring was imported with it");
    await app.getByRole('button', { name: 'Place call' }).click();
    await app.getByRole('textbox', { name: 'Phone number' }).fill('+44 20 7946 0958');
    // The lazy chunks (phone core, number metadata) load from the bundle and check the number.
    // (Call itself stays off here: the page's SIP server does not exist, so the phone is offline.)
    const e164 = await app.evaluate(async () => (await (await document.querySelector('vc-phone').phoneReady).checkTarget('+44 20 7946 0958')).e164);
    assert.equal(e164, '+442079460958');
    assert.deepEqual(errors, []);

    const api = await browser.newPage();
    await api.goto(`${web.origin}/api.html`);
    await api.waitForFunction(() => window.defined !== undefined);
    assert.equal(await api.evaluate(() => window.phoneIsClass), true);
    assert.deepEqual(await api.evaluate(() => window.defined), []);
  });

  it("the CDN bundle speaks the page's language, follows a switch, and takes a new one from registerLocale", async () => {
    const site = path.join(work, 'cdn-site');
    fs.cpSync(path.join(project, 'node_modules/vc-phone/cdn'), path.join(site, 'cdn'), { recursive: true });
    fs.writeFileSync(
      path.join(site, 'index.html'),
      `<!doctype html><html lang="fr"><title>cdn</title><body>
<vc-phone server="wss://sip.example.com/ws" aor="sip:agent@example.com"></vc-phone>
<script type="module">import { registerLocale } from './cdn/vc-phone.js'; window.registerLocale = registerLocale;</script>
</body></html>`,
    );
    const cdnWeb = await serveDir(site);
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(`${cdnWeb.origin}/index.html`);
      // French from <html lang="fr">: its words came as a chunk of the CDN build.
      await page.getByRole('button', { name: 'Passer un appel' }).waitFor({ timeout: 10000 });
      await page.evaluate(() => (document.documentElement.lang = 'ar'));
      await page.getByRole('button', { name: 'إجراء مكالمة' }).waitFor({ timeout: 10000 });
      assert.equal(await page.locator('vc-phone').getAttribute('dir'), 'rtl');
      await page.evaluate(async () => {
        await window.registerLocale('nl', { placeCall: 'Bellen' });
        document.documentElement.lang = 'nl-NL';
      });
      await page.getByRole('button', { name: 'Bellen' }).waitFor({ timeout: 10000 });
      assert.equal(await page.locator('vc-phone').getAttribute('dir'), null);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      await cdnWeb.close();
    }
  });
});
