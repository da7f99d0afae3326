// Builds the web front end (web/) into web/dist; the server serves that folder with an SPA fallback.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('./web', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React and the router change rarely: one long-cached chunk. Ant Design components stay with
        // the pages that use them (tables, trees, forms load with the first page that needs them).
        codeSplitting: { groups: [{ name: 'react', test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ }] },
      },
    },
  },
  server: {
    // Keep the browser's Host header: the server refuses writes whose Origin does not match it (CSRF).
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
});
