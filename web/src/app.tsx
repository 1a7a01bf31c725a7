// The app shell: header with navigation and the language toggle, the routed page, and the footer.
import { Component, Suspense, use, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { ErrorBox, Loading, Page } from './features/common/page.js';
import { api, ApiError, prefetchJson } from './api.js';
import { LangProvider, useLang } from './i18n/lang.js';
import type { LabelKey } from './i18n/labels.js';
import { parseFilters } from './lib/filters.js';
import { matchRoute, paths } from './lib/routes.js';
import { Link, useLocation } from './router.js';

interface LazyPage<P> {
  Component: ComponentType<P>;
  /** Loads the page's chunk; resolves once the page renders without suspending. */
  load: () => Promise<unknown>;
}

/**
 * A page in its own chunk, so the browser parses only the code of the page it shows. Unlike React.lazy, a page whose
 * chunk has arrived renders at once: the first page is loaded before the first render (main.tsx), so it never shows
 * a fallback (whose reveal React holds back ~300 ms), and the others load a second after the first page is ready.
 */
function lazyPage<P extends object>(importer: () => Promise<Record<string, unknown>>, name: string): LazyPage<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const load = () =>
    (pending ??= importer().then(
      (module) => (loaded = module[name] as ComponentType<P>),
      (error: unknown) => {
        pending = null; // the next render or preload tries again
        throw error;
      },
    ));
  function Lazy(props: P) {
    const Loaded = loaded ?? use(load());
    return <Loaded {...props} />;
  }
  Lazy.displayName = `Lazy(${name})`;
  return { Component: Lazy, load };
}

const Home = lazyPage(() => import('./features/home/home-page.js'), 'HomePage');
const Search = lazyPage(() => import('./features/search/search-page.js'), 'SearchPage');
const Article = lazyPage<{ id: string }>(() => import('./features/article/article-page.js'), 'ArticlePage');
const Entity = lazyPage<{ id: string }>(() => import('./features/entity/entity-page.js'), 'EntityPage');
const Stories = lazyPage(() => import('./features/stories/stories-page.js'), 'StoriesPage');
const Story = lazyPage<{ id: string }>(() => import('./features/stories/story-page.js'), 'StoryPage');
const MapRoute = lazyPage(() => import('./features/map/map-page.js'), 'MapPage');
const Timeline = lazyPage(() => import('./features/timeline/timeline-page.js'), 'TimelinePage');

/**
 * The world map's shapes, for the pages that draw it; the map awaits the same promise and shows a failure. The
 * shapes' chunk is asked for at once, beside the map's code that converts them (the browser keeps one module).
 */
function loadCountries(): Promise<unknown> {
  import('world-atlas/countries-110m.json').catch(() => undefined);
  return import('./features/map/event-map.js').then((m) => m.loadCountries());
}

/**
 * Client routes, first match wins; `:id` params arrive decoded. `page` is the route's chunk; `also` starts what the
 * page needs beyond its code (the world map's shapes) when the app opens on it, and `data` the API path its data
 * comes from (exactly the page's own request), asked for while its chunk loads.
 */
const ROUTES: Array<{
  pattern: string;
  render: (params: Record<string, string>) => ReactNode;
  page: Pick<LazyPage<never>, 'load'>;
  also?: () => Promise<unknown>;
  data?: (search: URLSearchParams) => string;
}> = [
  { pattern: '/', render: () => <Home.Component />, page: Home, also: loadCountries },
  { pattern: '/search', render: () => <Search.Component />, page: Search },
  { pattern: '/article/:id', render: ({ id }) => <Article.Component key={id} id={id!} />, page: Article },
  { pattern: '/entity/:id', render: ({ id }) => <Entity.Component key={id} id={id!} />, page: Entity },
  { pattern: '/stories', render: () => <Stories.Component />, page: Stories },
  { pattern: '/story/:id', render: ({ id }) => <Story.Component key={id} id={id!} />, page: Story },
  { pattern: '/map', render: () => <MapRoute.Component />, page: MapRoute, also: loadCountries, data: (search) => api.geojson(parseFilters(search), 'auto') },
  { pattern: '/timeline', render: () => <Timeline.Component />, page: Timeline, data: (search) => api.timeline(parseFilters(search), 'auto') },
];

/**
 * Loads the chunk of the route `location` matches and starts what else it needs (its data, the world map);
 * resolves when the page can render (never rejects: a chunk that fails to load shows as an error where the page would be).
 */
export function preloadRoute(location: { pathname: string; search: string }): Promise<void> {
  const route = ROUTES.find((r) => matchRoute(r.pattern, location.pathname) !== null);
  route?.also?.().catch(() => undefined);
  // The data is asked for once the code is in: the server answers a query synchronously, so asked for at the same
  // time it would hold back the page's chunks; asked for here, it leaves before the page's first render.
  return (route?.page.load() ?? Promise.resolve()).then(
    () => {
      if (route?.data) prefetchJson(route.data(new URLSearchParams(location.search)));
    },
    () => undefined,
  );
}

/** Loads every page's chunk (when the browser is idle), so following a link never waits for code. */
export function preloadPages(): void {
  for (const route of ROUTES) route.page.load().catch(() => undefined);
}

/** What shows while a page's chunk loads. */
function PageLoading() {
  return (
    <Page ready={false}>
      <Loading />
    </Page>
  );
}

/** A page whose chunk could not be loaded (the server was restarted with a new build, or went away). */
class PageFailed extends Component<{ children: ReactNode; resetKey: string }, { error: unknown; key: string }> {
  override state = { error: null as unknown, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<{ error: unknown }> {
    return { error };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { key: string }): Partial<{ error: unknown; key: string }> | null {
    return props.resetKey === state.key ? null : { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('marsad: a page failed to load', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    const error = new ApiError('E_CLIENT', String(this.state.error), 0);
    return (
      <Page ready title={null}>
        <ErrorBox error={error} retry={() => window.location.reload()} />
      </Page>
    );
  }
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
      <PageFailed resetKey={location.pathname}>
        <Suspense fallback={<PageLoading />}>{page ?? <NotFound />}</Suspense>
      </PageFailed>
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
