//! The last line of defence: a view that throws while drawing shows what happened and a way
//! back instead of a blank window. Edits are saved as they are made, so nothing is lost.
import { Component, type ErrorInfo, type ReactNode } from "react";

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever reads the log; the window shows the message itself.
    console.error("Storymap: a view failed to draw", error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="app-crashed center-state" role="alert" data-testid="view-crashed">
        <h2>Something went wrong while drawing this view</h2>
        <p className="center-detail">{error.message}</p>
        <p className="center-hint">
          Your maps are safe: every edit is saved the moment you make it. Try the view again, or reload the window.
        </p>
        <div className="app-crashed-actions">
          <button
            type="button"
            className="primary-button"
            data-testid="view-crashed-retry"
            onClick={() => {
              this.setState({ error: null });
            }}
          >
            Try again
          </button>
          <button
            type="button"
            className="secondary-button"
            onClick={() => {
              window.location.reload();
            }}
          >
            Reload the window
          </button>
        </div>
      </div>
    );
  }
}
