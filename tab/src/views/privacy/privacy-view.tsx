/**
 * Personuppgifter: the privacy notice, reached from every view's footer, and the person's own
 * download of what Arbetsrum keeps about them. The text shows even when the API does not answer.
 */
import { Body1, Button, Link, Spinner, Subtitle1, makeStyles } from '@fluentui/react-components';
import { useId, useState, type MouseEvent } from 'react';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { Icon } from '../icons';
import { StatementList, StatementSection, StatementText, useStatementStyles } from '../statement-parts';
import type { ViewProps } from '../view-props';
import { IMY_URL, usePrivacyStrings } from './privacy-strings';

const useStyles = makeStyles({
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
  const statement = useStatementStyles();
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

  return (
    <section className={`${shared.page} ${statement.root}`} aria-labelledby={ids.title}>
      <div className={statement.intro}>
        <Subtitle1 as="h2" id={ids.title} className={statement.heading}>
          {s.title}
        </Subtitle1>
        <StatementText>{s.intro(details.data?.group.tenantName ?? '', group.name)}</StatementText>
      </div>

      <StatementSection id={ids.what} title={s.whatTitle}>
        <StatementList lines={s.what} />
        <StatementText>{s.whatNot}</StatementText>
      </StatementSection>

      <StatementSection id={ids.why} title={s.whyTitle}>
        <StatementText>{s.why}</StatementText>
      </StatementSection>

      <StatementSection id={ids.keep} title={s.keepTitle}>
        <StatementList lines={s.keep} />
      </StatementSection>

      <StatementSection id={ids.rights} title={s.rightsTitle}>
        <StatementList lines={s.rights} />
        <StatementText>{s.complaint}</StatementText>
        <StatementText>
          <Link href={IMY_URL} target="_blank" rel="noopener noreferrer" onClick={openImy}>
            {s.imyLink}
            <Icon name="open" size={16} className={statement.linkIcon} />
            <span className={shared.visuallyHidden}> {s.opensInNewWindow}</span>
          </Link>
        </StatementText>
      </StatementSection>

      <StatementSection id={ids.download} title={s.downloadTitle}>
        <StatementText>{s.downloadIntro}</StatementText>
        <Button className={styles.download} appearance="primary" disabled={download.kind === 'busy'} onClick={() => void fetchMine()}>
          {s.download}
        </Button>
        <div role="status">
          {download.kind === 'busy' && <Spinner size="tiny" labelPosition="after" label={s.downloading} />}
          {download.kind === 'done' && <Body1>{s.downloaded(download.file)}</Body1>}
        </div>
        {download.kind === 'failed' && (
          <Body1 as="p" className={statement.text} role="alert">
            {s.downloadFailed}
          </Body1>
        )}
      </StatementSection>
    </section>
  );
}
