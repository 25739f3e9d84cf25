// Vite build of the web pane: one ES module, web/dist/agentvm-pane.js, that defines the custom
// elements <agentvm-pane> and <agentvm-sessions> and carries its own CSS (injected once into the
// page). The server serves web/dist at /pane/ (web/static.ts). Run by `npm run build:web`, which
// `npm install` runs through the `prepare` script; the output is not committed.

import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2048,
    // an app build with a module entry rather than library mode: library mode keeps ES output
    // unminified (1.39 MB instead of 1.14 MB here)
    rollupOptions: {
      input: fileURLToPath(new URL('./index.ts', import.meta.url)),
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: 'agentvm-pane.js', chunkFileNames: 'chunks/[name]-[hash].js', assetFileNames: 'assets/[name]-[hash][extname]' },
    },
  },
});
