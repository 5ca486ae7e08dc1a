/** A strategist's actions on one meeting of the plan, behind one labelled button per row. */
import { Button, Menu, MenuDivider, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
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
  const s = usePlanStrings();
  const { dates } = useI18n();
  if (meeting.status !== 'planned' && meeting.status !== 'called') return null;
  const others = strategists.filter((p) => p.id !== meeting.chair?.id);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="subtle"
          icon={<MoreHorizontalRegular />}
          aria-label={s.actionsFor(meeting.title, dates.isoDate(meeting.startsAt))}
        >
          {s.actionsColumn}
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
