/**
 * The media pipeline's own dependencies. They are optional peer dependencies of the package,
 * so a front-end install (`npm install media-gallery`) gets the elements without sharp's
 * native libvips; the CLI checks for them first and names the one command that adds them.
 * Keep in step with package.json `peerDependencies` (a Node test compares them).
 */
export const PIPELINE_PEERS: Readonly<Record<string, string>> = {
  sharp: '^0.35.5',
  exifr: '^7.1.3',
  commander: '^14.0.3',
  'cli-progress': '^3.12.0',
  sirv: '^3.0.2',
};

/** The one-line install command for the pipeline's dependencies. */
export function installCommand(names: readonly string[] = Object.keys(PIPELINE_PEERS)): string {
  return `npm install --save-dev ${names.map((n) => `${n}@${PIPELINE_PEERS[n]}`).join(' ')}`;
}

/** The message printed when `missing` (package names) cannot be imported. */
export function missingPeersMessage(missing: readonly string[]): string {
  return [
    `media-gallery: the media pipeline needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed.`,
    'They are optional peer dependencies, left out of a front-end install. Add them with:',
    '',
    `  ${installCommand()}`,
    '',
  ].join('\n');
}

/** The names in PIPELINE_PEERS that cannot be imported from here (module not found). */
export async function missingPeers(load: (name: string) => Promise<unknown> = (name) => import(name)): Promise<string[]> {
  const missing: string[] = [];
  await Promise.all(
    Object.keys(PIPELINE_PEERS).map(async (name) => {
      try {
        await load(name);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') missing.push(name);
        else throw error;
      }
    }),
  );
  return missing.sort();
}
