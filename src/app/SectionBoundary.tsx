// Shows a plain message instead of a blank screen when a section fails to load
// or throws while rendering. The collapse action and other sections stay usable.
import { Component, Suspense, type ReactNode } from 'react';

interface State {
  failed: boolean;
}

export class SectionBoundary extends Component<{ children: ReactNode; name: string }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    if (this.state.failed) {
      return (
        <div className="panel" role="alert">
          <h1>{this.props.name} could not open</h1>
          <p>Something went wrong showing this section. Your escalation log is not affected. Reload the app to try again.</p>
        </div>
      );
    }
    return (
      <Suspense fallback={<p aria-busy="true">Opening {this.props.name}…</p>}>{this.props.children}</Suspense>
    );
  }
}
