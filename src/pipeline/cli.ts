#!/usr/bin/env node
/**
 * `media-gallery` command (package.json `bin`). The pipeline's dependencies (sharp, exifr,
 * commander, cli-progress, sirv) are optional peers: when one is missing this prints the
 * one-line install command and exits with 2, instead of an ERR_MODULE_NOT_FOUND stack.
 * Otherwise it runs `./cli-main.ts`.
 */
import { missingPeers, missingPeersMessage } from './peers.js';

const missing = await missingPeers();
if (missing.length) {
  process.stderr.write(missingPeersMessage(missing));
  process.exit(2);
}
await import('./cli-main.js');
