/**
 * Omvärldsbevakning: the group's tips, newest first — link, comment, the Teams message passed on,
 * who sent it and when — with *Gör till förslag* for every member and *Avfärda* for strategists,
 * and a form to send a tip from the tab. A list, not a table, so it reads in a 320 px side panel.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Spinner,
  Textarea,
  mergeClasses,
  type BadgeProps,
} from '@fluentui/react-components';
import { useId, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { asApiError, type ApiClient } from '../../api';
import { useI18n } from '../../i18n';
import { useSharedStyles } from '../../shared-styles';
import { useResource } from '../../use-resource';
import { Icon } from '../icons';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import type { ViewProps } from '../view-props';
import { TipProposalDialog } from './tip-proposal-dialog';
import { addTip, dismissTip, isHttpsLink, listTips, newSubmissionKey, TIP_LIMITS, type GroupTip, type TipStatus } from './tips-api';
import { tipName, useTipsStrings } from './tips-strings';
import { useTipsStyles } from './tips-styles';

/** The word carries the meaning; the colour only repeats it. */
const STATUS_COLOURS: Record<TipStatus, NonNullable<BadgeProps['color']>> = {
  new: 'informative',
  proposed: 'success',
  dismissed: 'subtle',
};

/** The form to send a tip from the tab; the list reloads once the tip is stored. */
function AddTipForm({ api, groupId, onAdded }: { api: ApiClient; groupId: string; onAdded: () => void }) {
  const styles = useTipsStyles();
  const s = useTipsStrings();
  const { t } = useI18n();
  const headingId = useId();
  const [url, setUrl] = useState('');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<{ url?: string; comment?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);
  const sendingRef = useRef(false);
  const key = useRef(newSubmissionKey());

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (sendingRef.current) return;
    const link = url.trim();
    const found: { url?: string; comment?: string } = {};
    if (link !== '' && !isHttpsLink(link)) found.url = s.errors.notHttps;
    else if ([...link].length > TIP_LIMITS.urlMax) found.url = s.errors.tooLong(TIP_LIMITS.urlMax);
    if ([...comment.trim()].length > TIP_LIMITS.commentMax) found.comment = s.errors.tooLong(TIP_LIMITS.commentMax);
    else if (link === '' && comment.trim() === '') found.comment = s.errors.empty;
    setErrors(found);
    setSent(false);
    if (found.url || found.comment) return;
    sendingRef.current = true;
    setSending(true);
    setFailure(null);
    try {
      await addTip(api, groupId, { submissionKey: key.current, url: link, comment });
      key.current = newSubmissionKey();
      setUrl('');
      setComment('');
      setSent(true);
      onAdded();
    } catch (caught) {
      const error = asApiError(caught);
      setFailure(`${s.sendFailed} ${t.errors[error.kind].title}. ${t.errors[error.kind].action}`);
    } finally {
      sendingRef.current = false;
      setSending(false);
    }
  };

  return (
    <form className={styles.panel} aria-labelledby={headingId} onSubmit={(event) => void submit(event)} noValidate>
      <h3 id={headingId} className={styles.h3}>
        {s.addTitle}
      </h3>
      <Field label={s.link} hint={s.linkHint} validationMessage={errors.url}>
        <Input
          type="url"
          inputMode="url"
          maxLength={TIP_LIMITS.urlMax}
          value={url}
          onChange={(_, d) => {
            setUrl(d.value);
            setErrors((e) => ({ ...e, url: undefined }));
          }}
        />
      </Field>
      <Field label={s.comment} hint={s.commentHint} validationMessage={errors.comment}>
        <Textarea
          resize="vertical"
          rows={3}
          maxLength={TIP_LIMITS.commentMax}
          value={comment}
          onChange={(_, d) => {
            setComment(d.value);
            setErrors((e) => ({ ...e, comment: undefined }));
          }}
        />
      </Field>
      {failure && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{failure}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.formActions}>
        <Button appearance="primary" type="submit" disabled={sending} icon={sending ? <Spinner size="tiny" /> : undefined}>
          {sending ? s.sending : s.send}
        </Button>
        <span role="status">{sent ? s.sent : ''}</span>
      </div>
    </form>
  );
}

function TipItem({
  tip,
  mayDismiss,
  busy,
  onOpenLink,
  onPropose,
  onDismiss,
}: {
  tip: GroupTip;
  mayDismiss: boolean;
  busy: boolean;
  onOpenLink: (url: string) => void;
  onPropose: () => void;
  onDismiss: () => void;
}) {
  const styles = useTipsStyles();
  const shared = useSharedStyles();
  const s = useTipsStrings();
  const { dates } = useI18n();
  const name = tipName(tip);
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    if (!tip.url) return;
    event.preventDefault();
    onOpenLink(tip.url);
  };
  return (
    <li className={styles.item}>
      <div className={styles.head}>
        {tip.comment ? <p className={styles.comment}>{tip.comment}</p> : null}
        <Badge className={styles.badge} appearance="tint" shape="rounded" color={STATUS_COLOURS[tip.status]}>
          {s.statuses[tip.status]}
        </Badge>
      </div>
      {tip.url && (
        <Link className={styles.link} href={tip.url} target="_blank" rel="noopener noreferrer" onClick={open}>
          {tip.url}
          <Icon name="open" size={16} className={styles.linkIcon} />
          <span className={shared.visuallyHidden}> {s.opensInNewWindow}</span>
        </Link>
      )}
      {tip.quote && (
        <blockquote className={styles.quote}>
          <span className={shared.visuallyHidden}>{s.quoteLabel}: </span>
          {tip.quote}
        </blockquote>
      )}
      <p className={styles.meta}>
        {s.sentBy(
          tip.sender.name ?? s.unknownSender,
          `${dates.longDate(tip.createdAt)} ${dates.time(tip.createdAt)}`,
          s.sources[tip.source],
        )}
      </p>
      {tip.status === 'proposed' && tip.proposal && <p className={styles.meta}>{s.becameProposal(tip.proposal.title)}</p>}
      {tip.status === 'new' && (
        <div className={styles.actions}>
          <Button size="small" aria-label={s.makeProposalLabel(name)} onClick={onPropose} disabled={busy}>
            {s.makeProposal}
          </Button>
          {mayDismiss && (
            <Button size="small" appearance="subtle" aria-label={s.dismissLabel(name)} onClick={onDismiss} disabled={busy}>
              {s.dismiss}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function TipList({ api, groupId, onOpenLink }: { api: ApiClient; groupId: string; onOpenLink: (url: string) => void }) {
  const styles = useTipsStyles();
  const shared = useSharedStyles();
  const s = useTipsStrings();
  const { t } = useI18n();
  const list = useResource((signal) => listTips(api, groupId, signal), [api, groupId]);
  const [proposing, setProposing] = useState<GroupTip | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const mayDismiss = list.data?.mayDismiss ?? false;

  const dismiss = async (tip: GroupTip): Promise<void> => {
    setBusyId(tip.id);
    try {
      await dismissTip(api, groupId, tip.id);
      setAnnouncement(s.dismissed);
    } catch (caught) {
      const error = asApiError(caught);
      setAnnouncement(error.kind === 'conflict' ? s.alreadyHandled : `${s.dismissFailed} ${t.errors[error.kind].title}.`);
    } finally {
      setBusyId(null);
      list.reload();
    }
  };

  return (
    <>
      <AddTipForm api={api} groupId={groupId} onAdded={list.reload} />
      <div className={shared.visuallyHidden} role="status" aria-live="polite">
        {announcement}
      </div>
      {!list.data ? (
        list.error ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : (
          <LoadingState label={s.loading} />
        )
      ) : list.data.tips.length === 0 ? (
        <EmptyState>{s.empty}</EmptyState>
      ) : (
        <ul className={styles.list} aria-label={s.listLabel}>
          {list.data.tips.map((tip) => (
            <TipItem
              key={tip.id}
              tip={tip}
              mayDismiss={mayDismiss}
              busy={busyId === tip.id}
              onOpenLink={onOpenLink}
              onPropose={() => setProposing(tip)}
              onDismiss={() => void dismiss(tip)}
            />
          ))}
        </ul>
      )}
      {proposing && (
        <TipProposalDialog
          api={api}
          groupId={groupId}
          tip={proposing}
          onClose={() => setProposing(null)}
          onDone={(title) => {
            setProposing(null);
            setAnnouncement(title === null ? s.alreadyHandled : s.proposalSent(title));
            list.reload();
          }}
        />
      )}
    </>
  );
}

export default function TipsView({ api, group, onOpenLink }: ViewProps) {
  const styles = useTipsStyles();
  const shared = useSharedStyles();
  const s = useTipsStrings();
  const headingId = useId();
  return (
    <section className={mergeClasses(shared.page, styles.section)} aria-labelledby={headingId}>
      <div className={styles.intro}>
        <h2 id={headingId} className={styles.h2}>
          {s.title}
        </h2>
        <p className={styles.lead}>{s.intro}</p>
      </div>
      <TipList key={group.id} api={api} groupId={group.id} onOpenLink={onOpenLink} />
    </section>
  );
}
