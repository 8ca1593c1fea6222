/**
 * Packaging: the media pipeline's dependencies are optional peers. The CLI, run with them
 * unresolvable (a module hook makes `import('sharp')` etc. fail as in a front-end install),
 * prints the one-line install command and exits with 2; the peers listed in code match
 * package.json; the browser package depends on nothing Node-only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PIPELINE_PEERS, installCommand, missingPeers, missingPeersMessage } from '../../src/pipeline/peers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8'));

test('package.json: pipeline dependencies are optional peers (and dev deps here), not dependencies', () => {
  for (const [name, range] of Object.entries(PIPELINE_PEERS)) {
    assert.equal(pkg.dependencies[name], undefined, `${name} is not in dependencies`);
    assert.equal(pkg.peerDependencies[name], range, `${name} peer range matches src/pipeline/peers.ts`);
    assert.equal(pkg.peerDependenciesMeta[name]?.optional, true, `${name} is an optional peer`);
    assert.ok(pkg.devDependencies[name], `${name} is a dev dependency for this repo's tests`);
  }
  // What the browser code imports, nothing else.
  for (const name of Object.keys(pkg.dependencies)) assert.ok(['lit', 'thumbhash'].includes(name), `${name} is a browser dependency`);
});

test('the message names the one-line install command', () => {
  const msg = missingPeersMessage(['sharp']);
  assert.match(msg, /needs sharp, which is not installed/);
  assert.ok(msg.includes(installCommand()));
  assert.equal(installCommand(), 'npm install --save-dev sharp@^0.35.5 exifr@^7.1.3 commander@^14.0.3 cli-progress@^3.12.0 sirv@^3.0.2');
});

test('missingPeers: reports modules not found, rethrows other load errors', async () => {
  const notFound = (name: string) => Object.assign(new Error(`Cannot find package '${name}'`), { code: 'ERR_MODULE_NOT_FOUND' });
  assert.deepEqual(await missingPeers(async (n) => { if (n === 'sharp' || n === 'sirv') throw notFound(n); }), ['sharp', 'sirv']);
  assert.deepEqual(await missingPeers(async () => undefined), []);
  await assert.rejects(missingPeers(async (n) => { if (n === 'sharp') throw new Error('libvips mismatch'); }), /libvips/);
});

test('the CLI without its peers prints the install command and exits with 2', () => {
  // A resolve hook that fails the five peers the way Node does when they are absent.
  const hook = `
    const PEERS = new Set(${JSON.stringify(Object.keys(PIPELINE_PEERS))});
    export async function resolve(specifier, context, next) {
      if (PEERS.has(specifier)) {
        throw Object.assign(new Error("Cannot find package '" + specifier + "'"), { code: 'ERR_MODULE_NOT_FOUND' });
      }
      return next(specifier, context);
    }`;
  const register = `import { register } from 'node:module'; register(${JSON.stringify('data:text/javascript,' + encodeURIComponent(hook))});`;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(register)}`, path.join(repo, 'src/pipeline/cli.ts'), 'prepare', 'in', '--out', 'out'],
    { cwd: repo, encoding: 'utf8', timeout: 30_000 },
  );
  assert.equal(run.status, 2, run.stderr);
  assert.match(run.stderr, /needs cli-progress, commander, exifr, sharp, sirv, which are not installed/);
  assert.ok(run.stderr.includes(installCommand()), run.stderr);
  assert.doesNotMatch(run.stderr, /ERR_MODULE_NOT_FOUND|at async/);
});

test('the CLI with its peers still runs (--version)', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'src/pipeline/cli.ts'), '--version'], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout.trim(), pkg.version);
});
