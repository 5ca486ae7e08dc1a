/** The thin top bar with the app's name, used on pages before a group is open. */
import { Badge, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useSharedStyles } from '../shared-styles';

const useStyles = makeStyles({
  header: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  inner: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    paddingBlock: tokens.spacingVerticalM,
  },
});

export function BrandBar({ localMode = false }: { localMode?: boolean }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  return (
    <header className={styles.header}>
      <div className={mergeClasses(shared.page, styles.inner)}>
        <Subtitle2>{t.appName}</Subtitle2>
        {localMode && (
          <Badge appearance="outline" color="informative">
            {t.localMode}
          </Badge>
        )}
      </div>
    </header>
  );
}
