// scripts/lib/setup.mjs decides whether `npm start` / `npm test` install the npm dependencies by
// what node_modules holds (npm's own record, node_modules/.package-lock.json) against what
// package-lock.json pins: not by file times, which a checkout or a copy changes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { dependenciesStaleReason } from '../../scripts/lib/setup.mjs';

/** A project folder with this package-lock.json and, unless `installed` is undefined, this record of an install. */
const made = [];
after(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function project(lockPackages, installed) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vc-setup-'));
  made.push(dir);
  fs.writeFileSync(path.join(dir, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...lockPackages } }));
  if (installed) {
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  }
  return dir;
}

const LIT = { 'node_modules/lit': { version: '3.3.1' } };

describe('setup: are the npm dependencies installed?', () => {
  it('missing node_modules: install', () => {
    assert.equal(dependenciesStaleReason(project(LIT, undefined)), 'node_modules is missing');
  });

  it('node_modules holds what the lock pins: nothing to do, even when the lock file is newer (a checkout)', () => {
    const dir = project(LIT, LIT);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(dir, 'package-lock.json'), later, later);
    assert.equal(dependenciesStaleReason(dir), undefined);
  });

  it('a package at another version, or not there: install, saying which', () => {
    assert.equal(dependenciesStaleReason(project(LIT, { 'node_modules/lit': { version: '3.2.0' } })), 'package-lock.json pins lit@3.3.1, node_modules has 3.2.0');
    assert.equal(dependenciesStaleReason(project({ ...LIT, 'node_modules/@lit/task': { version: '1.0.3' } }, LIT)), 'package-lock.json pins @lit/task@1.0.3, node_modules has none');
  });

  it('an optional package this platform skipped is not missing', () => {
    assert.equal(dependenciesStaleReason(project({ ...LIT, 'node_modules/@esbuild/win32-x64': { version: '0.25.0', optional: true } }, LIT)), undefined);
  });

  it('this checkout is installed as its lock file says', () => {
    assert.equal(dependenciesStaleReason(), undefined);
  });
});
