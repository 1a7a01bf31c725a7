// Entry point: the Arabic web font (400, 700), the styles, the first route's preload, and the app mounted on #root.
import '@fontsource/noto-naskh-arabic/400.css';
import '@fontsource/noto-naskh-arabic/700.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRoute } from './app.js';

const root = document.getElementById('root');
if (!root) throw new Error('marsad: #root is missing from index.html');
preloadRoute(window.location.pathname);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
