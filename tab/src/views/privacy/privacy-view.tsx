/**
 * Personuppgifter: the privacy notice, reached from every view's footer, and the person's own
 * download of what Arbetsrum keeps about them. The text shows even when the API does not answer.
 */
import { Body1, Button, Link, Spinner, Subtitle1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type MouseEvent } from 'react';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { Icon } from '../icons';
import type { ViewProps } from '../view-props';
import { IMY_URL, usePrivacyStrings } from './privacy-strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, maxWidth: '75ch' },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  text: { margin: 0 },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  linkIcon: { verticalAlign: 'text-bottom', marginInlineStart: tokens.spacingHorizontalXXS },
  download: { alignSelf: 'flex-start' },
});

type DownloadState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; file: string } | { kind: 'failed' };

/** Hands the JSON to the browser as a file; the address lives only until the click is done. */
function saveFile(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export default function PrivacyView({ api, group, overview, onOpenLink }: ViewProps) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = usePrivacyStrings();
  const ids = { title: useId(), what: useId(), why: useId(), keep: useId(), rights: useId(), download: useId() };
  const [download, setDownload] = useState<DownloadState>({ kind: 'idle' });

  const details = useResource(
    (signal) => (overview?.group.id === group.id ? Promise.resolve(overview) : api.getGroupOverview(group.id, null, signal)),
    [api, group.id, overview],
  );

  const openImy = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    onOpenLink(IMY_URL);
  };

  const fetchMine = async (): Promise<void> => {
    setDownload({ kind: 'busy' });
    try {
      const data = await api.request<{ exportedAt: string }>('/me/personal-data');
      const file = `arbetsrum-personuppgifter-${data.exportedAt.slice(0, 10)}.json`;
      saveFile(file, data);
      setDownload({ kind: 'done', file });
    } catch {
      setDownload({ kind: 'failed' });
    }
  };

  const list = (lines: readonly string[]) => (
    <ul className={styles.list}>
      {lines.map((line) => (
        <li key={line}>
          <Body1>{line}</Body1>
        </li>
      ))}
    </ul>
  );

  return (
    <section className={`${shared.page} ${styles.root}`} aria-labelledby={ids.title}>
      <div className={styles.section}>
        <Subtitle1 as="h2" id={ids.title} className={styles.heading}>
          {s.title}
        </Subtitle1>
        <Body1 as="p" className={styles.text}>
          {s.intro(details.data?.group.tenantName ?? '', group.name)}
        </Body1>
      </div>

      <section className={styles.section} aria-labelledby={ids.what}>
        <Subtitle2 as="h3" id={ids.what} className={styles.heading}>
          {s.whatTitle}
        </Subtitle2>
        {list(s.what)}
        <Body1 as="p" className={styles.text}>
          {s.whatNot}
        </Body1>
      </section>

      <section className={styles.section} aria-labelledby={ids.why}>
        <Subtitle2 as="h3" id={ids.why} className={styles.heading}>
          {s.whyTitle}
        </Subtitle2>
        <Body1 as="p" className={styles.text}>
          {s.why}
        </Body1>
      </section>

      <section className={styles.section} aria-labelledby={ids.keep}>
        <Subtitle2 as="h3" id={ids.keep} className={styles.heading}>
          {s.keepTitle}
        </Subtitle2>
        {list(s.keep)}
      </section>

      <section className={styles.section} aria-labelledby={ids.rights}>
        <Subtitle2 as="h3" id={ids.rights} className={styles.heading}>
          {s.rightsTitle}
        </Subtitle2>
        {list(s.rights)}
        <Body1 as="p" className={styles.text}>
          {s.complaint}
        </Body1>
        <Body1 as="p" className={styles.text}>
          <Link href={IMY_URL} target="_blank" rel="noopener noreferrer" onClick={openImy}>
            {s.imyLink}
            <Icon name="open" size={16} className={styles.linkIcon} />
            <span className={shared.visuallyHidden}> {s.opensInNewWindow}</span>
          </Link>
        </Body1>
      </section>

      <section className={styles.section} aria-labelledby={ids.download}>
        <Subtitle2 as="h3" id={ids.download} className={styles.heading}>
          {s.downloadTitle}
        </Subtitle2>
        <Body1 as="p" className={styles.text}>
          {s.downloadIntro}
        </Body1>
        <Button className={styles.download} appearance="primary" disabled={download.kind === 'busy'} onClick={() => void fetchMine()}>
          {s.download}
        </Button>
        <div role="status">
          {download.kind === 'busy' && <Spinner size="tiny" labelPosition="after" label={s.downloading} />}
          {download.kind === 'done' && <Body1>{s.downloaded(download.file)}</Body1>}
        </div>
        {download.kind === 'failed' && (
          <Body1 as="p" className={styles.text} role="alert">
            {s.downloadFailed}
          </Body1>
        )}
      </section>
    </section>
  );
}
