/** Placeholder until this view is built. */
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { EmptyState } from '../status-views';
import type { ViewProps } from '../view-props';

export default function MinutesView(_props: ViewProps) {
  const { language } = useI18n();
  const shared = useSharedStyles();
  return (
    <div className={shared.page}>
      <EmptyState>{language === 'en' ? 'Coming soon.' : 'Kommer snart.'}</EmptyState>
    </div>
  );
}
