import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A page's code that cannot be fetched: usually a new version was deployed while this tab was open. */
function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && /dynamically imported module|Importing a module script failed|error loading dynamically/i.test(error.message);
}

/**
 * What the user sees instead of a blank page when a route fails to load or
 * render: plain elements (no component library), a reload and a way home.
 */
export default function RouteErrorPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const updated = isChunkLoadError(error);
  return (
    <main className="route-error" role="alert">
      <h1>{updated ? t('errors.updatedTitle') : t('errors.title')}</h1>
      <p>{updated ? t('errors.updatedText') : t('errors.pageFailed')}</p>
      <p className="route-error-actions">
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          {t('errors.reload')}
        </button>
        <a href="/">{t('errors.home')}</a>
      </p>
    </main>
  );
}

interface BoundaryState {
  error: unknown;
  failedAt: string | null;
}

/** Catches a route's failure (render error, code that cannot be fetched) and shows RouteErrorPage until the address changes. */
export class RouteErrorBoundary extends Component<{ resetKey: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null, failedAt: null };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  override componentDidCatch(error: unknown) {
    this.setState({ failedAt: this.props.resetKey });
    console.error(error);
  }

  override componentDidUpdate(previous: { resetKey: string }) {
    if (this.state.error !== null && previous.resetKey !== this.props.resetKey && this.state.failedAt !== this.props.resetKey) this.setState({ error: null, failedAt: null });
  }

  override render() {
    if (this.state.error !== null) return <RouteErrorPage error={this.state.error} />;
    return this.props.children;
  }
}
