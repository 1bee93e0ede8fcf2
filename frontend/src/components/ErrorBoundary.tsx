import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';

interface State {
  error: Error | null;
}

/** Keeps a crash in one page from blanking the whole app; the menu stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Page crashed', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) {
      return (
        <ErrorState
          title="Something went wrong on this page"
          message="Reload the page to try again. If it keeps happening, tell us what you were doing."
          onRetry={() => window.location.reload()}
        />
      );
    }
    return this.props.children;
  }
}
