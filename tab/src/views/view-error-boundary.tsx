/**
 * Catches a view that fails to load or to render — typically a lazily loaded chunk that is gone
 * after a new version was deployed — and offers a reload instead of a blank page.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import type { Language } from '../i18n';

const TEXT: Record<Language, { title: string; body: string; reload: string }> = {
  sv: { title: 'Vyn kunde inte visas', body: 'Arbetsrum kan ha uppdaterats. Ladda om sidan.', reload: 'Ladda om' },
  en: { title: 'The view could not be shown', body: 'Arbetsrum may have been updated. Reload the page.', reload: 'Reload' },
};

export class ViewErrorBoundary extends Component<{ language: Language; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Arbetsrum: a view failed', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const text = TEXT[this.props.language];
    return (
      <MessageBar intent="error" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{text.title}</MessageBarTitle>
          {text.body}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={() => window.location.reload()}>
            {text.reload}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
