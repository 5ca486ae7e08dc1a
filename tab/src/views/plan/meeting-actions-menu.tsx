/** A strategist's actions on one meeting of the plan, behind one labelled button per row. */
import { Button, Menu, MenuDivider, MenuItem, MenuList, MenuPopover, MenuTrigger, makeStyles, tokens } from '@fluentui/react-components';
import {
  CalendarCancelRegular,
  ClipboardTaskListLtrRegular,
  EditRegular,
  MoreHorizontalRegular,
  PersonSwapRegular,
} from '@fluentui/react-icons';
import type { Meeting } from '../../api-types';
import { useI18n } from '../../i18n';
import { usePlanStrings } from './plan-strings';

/** The table layout of year-plan-table.tsx (wider than 1100 px). */
const WIDE = '@media (min-width: 1101px)';
const useStyles = makeStyles({
  button: { [WIDE]: { minWidth: 'auto', paddingInline: tokens.spacingHorizontalSNudge } },
  word: { [WIDE]: { display: 'none' } },
});

export type MeetingAction =
  { kind: 'edit' } | { kind: 'cancel' } | { kind: 'handover' } | { kind: 'chair'; personId: string; name: string };

export function MeetingActionsMenu({
  meeting,
  strategists,
  onAction,
}: {
  meeting: Meeting;
  strategists: { id: string; name: string }[];
  onAction: (meeting: Meeting, action: MeetingAction) => void;
}) {
  const styles = useStyles();
  const s = usePlanStrings();
  const { dates } = useI18n();
  if (meeting.status !== 'planned' && meeting.status !== 'called') return null;
  const others = strategists.filter((p) => p.id !== meeting.chair?.id);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          className={styles.button}
          icon={<MoreHorizontalRegular />}
          aria-label={s.actionsFor(meeting.title, dates.isoDate(meeting.startsAt))}
        >
          {/* In the wide table the column header says it; in a card the word is needed. */}
          <span className={styles.word}>{s.actionsColumn}</span>
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<EditRegular />} onClick={() => onAction(meeting, { kind: 'edit' })}>
            {s.edit}
          </MenuItem>
          {others.map((person) => (
            <MenuItem
              key={person.id}
              icon={<PersonSwapRegular />}
              onClick={() => onAction(meeting, { kind: 'chair', personId: person.id, name: person.name })}
            >
              {s.chairTo(person.name)}
            </MenuItem>
          ))}
          <MenuItem icon={<ClipboardTaskListLtrRegular />} onClick={() => onAction(meeting, { kind: 'handover' })}>
            {s.showHandover}
          </MenuItem>
          <MenuDivider />
          <MenuItem icon={<CalendarCancelRegular />} onClick={() => onAction(meeting, { kind: 'cancel' })}>
            {s.cancelMeeting}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
