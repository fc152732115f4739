import { defineConfig } from 'vitest/config';
import { regionAtlas } from './src/content/atlas-plugin';
import { flagSheetPlugin } from './src/content/flag-sheet-plugin';
import { scenarioLibrary } from './src/content/library-plugin';
import { precompress } from './src/server/static';

export default defineConfig({
  plugins: [
    scenarioLibrary(),
    regionAtlas(),
    flagSheetPlugin(),
    {
      // Brotli and gzip copies of the text files, sent by the session server (src/server/static.ts).
      name: 'consensus-precompress',
      apply: 'build',
      async writeBundle(options) {
        if (options.dir) await precompress(options.dir);
      },
    },
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1600,
    // Phaser's loader cannot read URL-encoded SVG data URLs: keep SVG flags as files.
    assetsInlineLimit: (file: string) => (file.endsWith('.svg') ? false : undefined),
    rolldownOptions: {
      output: {
        // Phaser in its own chunk: loaded only when the hall opens (stack-notes trap 10).
        codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
  preview: { port: Number(process.env.PORT ?? 2567), strictPort: true, host: true },
  server: { host: true },
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'threads',
  },
});
