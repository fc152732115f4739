/**
 * A Vite plugin: `virtual:flag-sheet` is the URL of the flags' sheet (src/content/flag-sheet.ts),
 * made from flag-icons' 4×3 SVG files once per build and written beside the other assets. In
 * the dev server, where no file is written, the sheet comes as a data URL.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import { FLAG_IDS, flagSheet } from './flag-sheet';

const ID = 'virtual:flag-sheet';
const RESOLVED = `\0${ID}`;

export const flagSheetPlugin = (): Plugin => {
  let building = false;
  return {
    name: 'consensus-flag-sheet',
    configResolved(config) {
      building = config.command === 'build';
    },
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const require = createRequire(import.meta.url);
      const flags = FLAG_IDS.map((f) => {
        const file = require.resolve(`flag-icons/flags/4x3/${f}.svg`);
        this.addWatchFile(file);
        return [f, readFileSync(file, 'utf8')] as const;
      });
      const svg = flagSheet(flags);
      if (!building)
        return `export default ${JSON.stringify(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)};`;
      const ref = this.emitFile({ type: 'asset', name: 'flags.svg', source: svg });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
  };
};
