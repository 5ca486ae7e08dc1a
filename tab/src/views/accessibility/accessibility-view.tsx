/**
 * Tillgänglighetsredogörelse: the accessibility statement the Swedish DOS-lagen requires, reached
 * from every view's footer. The text is static and shows even when the API does not answer (it is
 * where people turn when something does not work); only the contact comes from the group's data.
 */
import { Body1, Button, Link, Spinner, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, useId, type MouseEvent } from 'react';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { Icon } from '../icons';
import type { ViewProps } from '../view-props';
import { DIGG_REPORT_URL, STATEMENT_ASSESSED, STATEMENT_UPDATED, useAccessibilityStrings } from './accessibility-strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, maxWidth: '75ch' },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // "Tillgänglighetsredogörelse" alone is wider than a 280 px side panel.
  heading: { margin: 0, overflowWrap: 'anywhere' },
  text: { margin: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  status: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  mail: { overflowWrap: 'anywhere' },
  linkIcon: { verticalAlign: 'text-bottom', marginInlineStart: tokens.spacingHorizontalXXS },
  retry: { alignSelf: 'flex-start' },
});

/** Stockholm dates are calendar days: noon UTC keeps them on the same day in any zone. */
const atNoon = (isoDate: string): string => `${isoDate}T12:00:00Z`;

export default function AccessibilityView({ api, group, overview, onOpenLink }: ViewProps) {
  const styles = useStyles();
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

      <section className={styles.section} aria-labelledby={ids.scope}>
        <Subtitle2 as="h3" id={ids.scope} className={styles.heading}>
          {s.scopeTitle}
        </Subtitle2>
        <ul className={styles.list}>
          {s.scope.map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
        <Body1 as="p" className={styles.text}>
          {s.scopeNot}
        </Body1>
      </section>

      <section className={styles.section} aria-labelledby={ids.status}>
        <Subtitle2 as="h3" id={ids.status} className={styles.heading}>
          {s.statusTitle}
        </Subtitle2>
        <Body1 as="p" className={styles.status}>
          {s.status}
        </Body1>
        <Body1 as="p" className={styles.text}>
          {s.gapsIntro}
        </Body1>
        <ul className={styles.list}>
          {s.gaps.map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
        <Body1 as="p" className={styles.text}>
          {s.noExemptions}
        </Body1>
      </section>

      <section className={styles.section} aria-labelledby={ids.contact}>
        <Subtitle2 as="h3" id={ids.contact} className={styles.heading}>
          {s.contactTitle}
        </Subtitle2>
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
      </section>

      <section className={styles.section} aria-labelledby={ids.supervision}>
        <Subtitle2 as="h3" id={ids.supervision} className={styles.heading}>
          {s.supervisionTitle}
        </Subtitle2>
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
      </section>

      <section className={styles.section} aria-labelledby={ids.method}>
        <Subtitle2 as="h3" id={ids.method} className={styles.heading}>
          {s.methodTitle}
        </Subtitle2>
        <Body1 as="p" className={styles.text}>
          {s.methodIntro}
        </Body1>
        <ul className={styles.list}>
          {s.method.map((line) => (
            <li key={line}>
              <Body1>{line}</Body1>
            </li>
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby={ids.dates}>
        <Subtitle2 as="h3" id={ids.dates} className={styles.heading}>
          {s.datesTitle}
        </Subtitle2>
        <Body1 as="p" className={styles.text}>
          {s.assessed(dates.longDate(atNoon(STATEMENT_ASSESSED)))}
        </Body1>
        <Body1 as="p" className={styles.text}>
          {s.updated(dates.longDate(atNoon(STATEMENT_UPDATED)))}
        </Body1>
      </section>
    </section>
  );
}
