// Page frame: <main data-ready> (browser tests wait on it), the document title, and loading/error/empty states.
import { useEffect, type ReactNode } from 'react';
import type { ApiError } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { firstPageReady } from '../../lib/first-ready.js';

export function Page({ ready, title, className, children }: { ready: boolean; title?: string | null; className?: string; children: ReactNode }) {
  const { t } = useLang();
  useEffect(() => {
    document.title = title ? `${title} — ${t('appName')}` : `${t('appName')} — ${t('tagline')}`;
  }, [title, t]);
  useEffect(() => {
    if (ready) firstPageReady();
  }, [ready]);
  return (
    <main data-ready={ready ? 'true' : 'false'} aria-busy={!ready} className={className ? `page ${className}` : 'page'}>
      {children}
    </main>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useLang();
  return (
    <div className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label ?? t('loading')}
    </div>
  );
}

export function ErrorBox({ error, retry }: { error: ApiError; retry?: () => void }) {
  const { t } = useLang();
  return (
    <div className="state state-error" role="alert" data-testid="error" data-code={error.code}>
      <strong>{error.status === 404 ? t('notFound') : t('errorTitle')}</strong>
      <p>
        <code dir="ltr">{error.code}</code> <span dir="auto">{error.message}</span>
      </p>
      {retry && error.status !== 404 && error.status !== 400 ? (
        <button type="button" onClick={retry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function Section({ title, testId, children, actions }: { title: string; testId?: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card" data-testid={testId}>
      <header className="card-head">
        <h2>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}
