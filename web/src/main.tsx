// Entry point: the Arabic web font (400, 700), the styles, the first route's chunk and data, and the app mounted on #root.
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadPages, preloadRoute } from './app.js';
import { afterFirstPage } from './lib/first-ready.js';

const root = document.getElementById('root');
if (!root) throw new Error('marsad: #root is missing from index.html');
// The first page's chunk (and its data, at the same time) before the first render, which then needs no fallback;
// the other pages' chunks a second after the first page is ready, when the browser is idle, so they compete with
// neither its requests nor its drawing.
void preloadRoute(window.location).then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
afterFirstPage(() => {
  setTimeout(() => {
    if ('requestIdleCallback' in window) window.requestIdleCallback(preloadPages, { timeout: 5000 });
    else preloadPages();
  }, 1000);
});
