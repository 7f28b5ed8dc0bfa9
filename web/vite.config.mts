import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

// The console is served by the service itself (src/http/console.ts) from dist/console; nothing is fetched from the
// internet at run time, so every asset is bundled. Vite 8 compiles JSX itself (no React plugin: see package.json).
export default defineConfig({
  root: here,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/console', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    // `npm run console:dev`: the service on 4000 answers the API while Vite serves the pages.
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true },
      '/exports': 'http://localhost:4000',
      '/imports': 'http://localhost:4000',
      '/console-config.json': 'http://localhost:4000',
    },
  },
});
