/**
 * Tillgänglighetsredogörelse: the accessibility statement the Swedish DOS-lagen requires, reached
 * from every view's footer. The text is static and shows even when the API does not answer (it is
 * where people turn when something does not work); only the contact comes from the group's data.
 */
import { Body1, Button, Link, Spinner, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useId, type MouseEvent } from 'react';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { Icon } from '../icons';
import { StatementList, StatementSection, useStatementStyles } from '../statement-parts';
import type { ViewProps } from '../view-props';
import { DIGG_REPORT_URL, STATEMENT_ASSESSED, STATEMENT_UPDATED, useAccessibilityStrings } from './accessibility-strings';

const useStyles = makeStyles({
  status: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  mail: { overflowWrap: 'anywhere' },
  retry: { alignSelf: 'flex-start' },
});

/** Stockholm dates are calendar days: noon UTC keeps them on the same day in any zone. */
const atNoon = (isoDate: string): string => `${isoDate}T12:00:00Z`;

export default function AccessibilityView({ api, group, overview, onOpenLink }: ViewProps) {
  const styles = { ...useStatementStyles(), ...useStyles() };
  const shared = useSharedStyles();
  const s = useAccessibilityStrings();
  const { dates } = useI18n();
  const ids = { title: useId(), scope: useId(), status: useId(), contact: useId(), supervision: useId(), method: useId(), dates: useId() };

  // The shell's overview carries the contact; load it here only when the shell has none yet.
  const details = useResource(
    (signal) => (overview?.group.id === group.id ? Promise.resolve(overview) : api.getGroupOverview(group.id, null, signal)),
    [api, group.id, overview],
  );
  const groupData = details.data?.group;
  const chair = details.data?.nextMeeting?.chair?.name ?? null;

  const openDigg = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    onOpenLink(DIGG_REPORT_URL);
  };

  return (
    <section className={`${shared.page} ${styles.root}`} aria-labelledby={ids.title}>
      <div className={styles.intro}>
        <Subtitle1 as="h2" id={ids.title} className={styles.heading}>
          {s.title.map((part, i) => (
            <Fragment key={part}>
              {i > 0 && <wbr />}
              {part}
            </Fragment>
          ))}
        </Subtitle1>
        <Body1 as="p" className={styles.text}>
          {s.intro(groupData?.tenantName ?? '', group.name)}
        </Body1>
        <Body1 as="p" className={styles.text}>
          {s.ambition}
        </Body1>
      </div>

      <StatementSection id={ids.scope} title={s.scopeTitle}>
        <StatementList lines={s.scope} />
        <Body1 as="p" className={styles.text}>
          {s.scopeNot}
        </Body1>
      </StatementSection>

      <StatementSection id={ids.status} title={s.statusTitle}>
        <Body1 as="p" className={styles.status}>
          {s.status}
        </Body1>
        <Body1 as="p" className={styles.text}>
          {s.gapsIntro}
        </Body1>
        <StatementList lines={s.gaps} />
        <Body1 as="p" className={styles.text}>
          {s.noExemptions}
        </Body1>
      </StatementSection>

      <StatementSection id={ids.contact} title={s.contactTitle}>
        <Body1 as="p" className={styles.text}>
          {s.contactIntro}
        </Body1>
        {groupData ? (
          groupData.accessibilityContact ? (
            <Body1 as="p" className={styles.text}>
              {s.contactMail}{' '}
              <Link className={styles.mail} href={`mailto:${groupData.accessibilityContact}`}>
                {groupData.accessibilityContact}
              </Link>
              .
            </Body1>
          ) : (
            <Body1 as="p" className={styles.text}>
              {s.contactNone(chair)}
            </Body1>
          )
        ) : details.error ? (
          <>
            <Body1 as="p" className={styles.text} role="alert">
              {s.contactFailed}
            </Body1>
            <Button className={styles.retry} onClick={details.reload}>
              {s.retry}
            </Button>
          </>
        ) : (
          <Spinner size="tiny" labelPosition="after" label={s.contactLoading} />
        )}
        <Body1 as="p" className={styles.text}>
          {s.contactWhat}
        </Body1>
      </StatementSection>

      <StatementSection id={ids.supervision} title={s.supervisionTitle}>
        <Body1 as="p" className={styles.text}>
          {s.supervision}
        </Body1>
        <Body1 as="p" className={styles.text}>
          <Link href={DIGG_REPORT_URL} target="_blank" rel="noopener noreferrer" onClick={openDigg}>
            {s.diggLink}
            <Icon name="open" size={16} className={styles.linkIcon} />
            <span className={shared.visuallyHidden}> {s.opensInNewWindow}</span>
          </Link>
        </Body1>
      </StatementSection>

      <StatementSection id={ids.method} title={s.methodTitle}>
        <Body1 as="p" className={styles.text}>
          {s.methodIntro}
        </Body1>
        <StatementList lines={s.method} />
      </StatementSection>

      <StatementSection id={ids.dates} title={s.datesTitle}>
        <Body1 as="p" className={styles.text}>
          {s.assessed(dates.longDate(atNoon(STATEMENT_ASSESSED)))}
        </Body1>
        <Body1 as="p" className={styles.text}>
          {s.updated(dates.longDate(atNoon(STATEMENT_UPDATED)))}
        </Body1>
      </StatementSection>
    </section>
  );
}
