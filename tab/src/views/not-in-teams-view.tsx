/** Production mode in a plain browser: the tab is meant to be opened inside Teams. */
import { Body1, Card, Title3, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useSharedStyles } from '../shared-styles';
import { BrandBar } from './brand-bar';

const useStyles = makeStyles({
  main: { paddingBlock: tokens.spacingVerticalXXL },
  card: { maxWidth: '560px', rowGap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalXL },
  heading: { margin: 0 },
  body: { margin: 0 },
});

export function NotInTeamsView() {
  const styles = useStyles();
  const shared = useSharedStyles();
  const { t } = useI18n();
  return (
    <>
      <BrandBar />
      <main id="main" tabIndex={-1} className={mergeClasses(shared.page, styles.main)}>
        <Card className={styles.card}>
          <Title3 as="h1" className={styles.heading}>
            {t.notInTeams.title}
          </Title3>
          <Body1 as="p" className={styles.body}>
            {t.notInTeams.body}
          </Body1>
        </Card>
      </main>
    </>
  );
}
