// Vite build of the marsad web UI: root web/, output web/dist (served by `marsad serve`).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The world map (countries-110m) is its own chunk, loaded by the map only.
    chunkSizeWarningLimit: 400,
  },
  server: {
    // `MARSAD_API=http://127.0.0.1:8080 npx vite --config web/vite.config.ts` develops against a running `marsad serve`.
    proxy: { '/api': process.env.MARSAD_API ?? 'http://127.0.0.1:8080' },
  },
});
