import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';

/** One build for the portal, help center and back office; `loupe serve` serves web/dist. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Assets also as .gz and .br beside them: the server sends those ready-made (no CPU per request).
  plugins: [react(), compression({ algorithms: ['gzip', 'brotliCompress'], threshold: 1024 })],
  // The manifest tells the server which chunks each area needs, to announce them with the page.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, manifest: true, chunkSizeWarningLimit: 600 },
  // `npm run dev:web` beside `npm start`: the API stays on the Loupe server.
  server: { proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' } },
});
