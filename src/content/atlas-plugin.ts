/**
 * A Vite plugin: `virtual:region-atlas` is world-atlas's 1:50m country outlines cut to what the
 * regional map can show (src/content/atlas.ts), made once per build as JSON.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';
import type { Topology } from 'topojson-specification';
import { cutAtlas } from './atlas';

const ID = 'virtual:region-atlas';
const RESOLVED = `\0${ID}`;

export const regionAtlas = (): Plugin => ({
  name: 'consensus-region-atlas',
  resolveId: (id) => (id === ID ? RESOLVED : null),
  load(id) {
    if (id !== RESOLVED) return null;
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
    this.addWatchFile(file);
    const atlas = cutAtlas(JSON.parse(readFileSync(file, 'utf8')) as Topology);
    // JSON.parse of a string literal: faster for the browser than an object literal this size.
    return `export default JSON.parse(${JSON.stringify(JSON.stringify(atlas))});`;
  },
});
