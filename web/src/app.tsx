// The app shell: header with navigation and the language toggle, the routed page, and the footer.
import type { ReactNode } from 'react';
import { ArticlePage } from './features/article/article-page.js';
import { Page } from './features/common/page.js';
import { EntityPage } from './features/entity/entity-page.js';
import { HomePage } from './features/home/home-page.js';
import { loadCountries } from './features/map/event-map.js';
import { MapPage } from './features/map/map-page.js';
import { SearchPage } from './features/search/search-page.js';
import { StoriesPage } from './features/stories/stories-page.js';
import { StoryPage } from './features/stories/story-page.js';
import { TimelinePage } from './features/timeline/timeline-page.js';
import { LangProvider, useLang } from './i18n/lang.js';
import type { LabelKey } from './i18n/labels.js';
import { matchRoute, paths } from './lib/routes.js';
import { Link, useLocation } from './router.js';

/**
 * Client routes, first match wins; `:id` params arrive decoded. `preload` starts what a page will need beyond its
 * data (the world map's chunk) when the app opens on it, before the first render.
 */
const ROUTES: Array<{ pattern: string; render: (params: Record<string, string>) => ReactNode; preload?: () => void }> = [
  { pattern: '/', render: () => <HomePage />, preload: preloadCountries },
  { pattern: '/search', render: () => <SearchPage /> },
  { pattern: '/article/:id', render: ({ id }) => <ArticlePage key={id} id={id!} /> },
  { pattern: '/entity/:id', render: ({ id }) => <EntityPage key={id} id={id!} /> },
  { pattern: '/stories', render: () => <StoriesPage /> },
  { pattern: '/story/:id', render: ({ id }) => <StoryPage key={id} id={id!} /> },
  { pattern: '/map', render: () => <MapPage />, preload: preloadCountries },
  { pattern: '/timeline', render: () => <TimelinePage /> },
];

function preloadCountries(): void {
  loadCountries().catch(() => undefined); // the map awaits the same promise and shows the failure
}

/** Starts the preload of the route `pathname` matches, if it has one. */
export function preloadRoute(pathname: string): void {
  ROUTES.find((route) => matchRoute(route.pattern, pathname) !== null)?.preload?.();
}

const NAV: Array<{ to: string; label: LabelKey; testId: string; prefix: string[] }> = [
  { to: paths.search(), label: 'navSearch', testId: 'nav-search', prefix: ['/search', '/article'] },
  { to: paths.stories(), label: 'navStories', testId: 'nav-stories', prefix: ['/stories', '/story'] },
  { to: paths.map(), label: 'navMap', testId: 'nav-map', prefix: ['/map'] },
  { to: paths.timeline(), label: 'navTimeline', testId: 'nav-timeline', prefix: ['/timeline'] },
];

function NotFound() {
  const { t } = useLang();
  return (
    <Page ready title={t('notFound')}>
      <div className="state state-error" data-testid="not-found">
        <strong>{t('notFound')}</strong>
        <p>{t('notFoundHint')}</p>
        <Link to={paths.home()}>{t('navHome')}</Link>
      </div>
    </Page>
  );
}

function Shell() {
  const { t, toggle, lang } = useLang();
  const location = useLocation();
  let page: ReactNode = null;
  for (const route of ROUTES) {
    const params = matchRoute(route.pattern, location.pathname);
    if (params) {
      page = route.render(params);
      break;
    }
  }
  return (
    <>
      <header className="site-header">
        <Link to={paths.home()} className="brand" data-testid="nav-home">
          <span className="brand-mark" aria-hidden="true">
            ◉
          </span>
          {t('appName')}
        </Link>
        <nav aria-label={t('navHome')}>
          {NAV.map((item) => (
            <Link
              key={item.testId}
              to={item.to}
              data-testid={item.testId}
              aria-current={item.prefix.some((p) => location.pathname.startsWith(p)) ? 'page' : undefined}
            >
              {t(item.label)}
            </Link>
          ))}
        </nav>
        <button type="button" className="lang-toggle" data-testid="lang-toggle" onClick={toggle} lang={lang === 'ar' ? 'en' : 'ar'}>
          {t('langToggle')}
        </button>
      </header>
      {page ?? <NotFound />}
      <footer className="site-footer muted">{t('footer')}</footer>
    </>
  );
}

export function App() {
  return (
    <LangProvider>
      <Shell />
    </LangProvider>
  );
}
