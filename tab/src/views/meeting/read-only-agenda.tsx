/** The agenda as a list, for a meeting whose agenda can no longer change. */
import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../../i18n';
import type { MeetingAgenda } from './meeting-api';

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalXS,
  },
  time: { fontVariantNumeric: 'tabular-nums', color: tokens.colorNeutralForeground2, marginInlineEnd: tokens.spacingHorizontalS },
  meta: { color: tokens.colorNeutralForeground3, marginInlineStart: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
});

export function ReadOnlyAgenda({ agenda }: { agenda: MeetingAgenda }) {
  const styles = useStyles();
  const { dates } = useI18n();
  return (
    <ol className={styles.list}>
      {agenda.items.map((item) => (
        <li key={item.id}>
          <Text className={styles.time}>{dates.time(item.startsAt)}</Text>
          <Text>{item.title}</Text>
          <Caption1 className={styles.meta}>
            {item.durationMinutes} min{item.presenter ? ` · ${item.presenter.name}` : ''}
          </Caption1>
        </li>
      ))}
    </ol>
  );
}
