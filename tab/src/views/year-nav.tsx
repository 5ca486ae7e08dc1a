/** Previous / next year, and back to this year when another year is shown. */
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { Icon } from './icons';

const useStyles = makeStyles({
  nav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  button: { minWidth: 'auto' },
});

export function YearNav({ year, currentYear, onChange }: { year: number; currentYear: number; onChange: (year: number) => void }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <nav aria-label={t.yearPlan.navLabel} className={styles.nav}>
      <Button
        className={styles.button}
        appearance="subtle"
        icon={<Icon name="chevronLeft" />}
        aria-label={t.yearPlan.previousYear(year - 1)}
        onClick={() => onChange(year - 1)}
      >
        {year - 1}
      </Button>
      {year !== currentYear && (
        <Button className={styles.button} appearance="subtle" onClick={() => onChange(currentYear)}>
          {t.yearPlan.currentYear}
        </Button>
      )}
      <Button
        className={styles.button}
        appearance="subtle"
        icon={<Icon name="chevronRight" />}
        iconPosition="after"
        aria-label={t.yearPlan.nextYear(year + 1)}
        onClick={() => onChange(year + 1)}
      >
        {year + 1}
      </Button>
    </nav>
  );
}
