/** Shown when the person belongs to several groups. A native select: works with every keyboard, screen reader and touch. */
import { Label, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { Me } from '../api-types';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  picker: {
    display: 'flex',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    flex: '1 1 14em',
    minWidth: 0,
    maxWidth: '24em',
  },
  select: { flex: '1 1 auto', minWidth: 0 },
});

export function GroupPicker({
  groups,
  selectedId,
  onChange,
}: {
  groups: Me['groups'];
  selectedId: string;
  onChange: (groupId: string) => void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const id = useId();
  return (
    <div className={styles.picker}>
      <Label htmlFor={id} size="small">
        {t.header.groupPicker}
      </Label>
      <Select id={id} className={styles.select} size="small" value={selectedId} onChange={(_, data) => onChange(data.value)}>
        {groups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
