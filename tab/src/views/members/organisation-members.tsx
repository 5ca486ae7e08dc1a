/**
 * One organisation and its people as a table (name, role, mail). Below 600 px each row becomes a
 * small block — name, then role and mail — since a mail address alone fills a side panel's width;
 * the explicit ARIA roles keep the table semantics a CSS display change can drop.
 */
import { Badge, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { cardSurface, useSharedStyles } from '../../shared-styles';
import type { MemberPerson } from './members-api';
import { useMembersStrings } from './members-strings';

const NARROW = '@media (max-width: 600px)';

const useStyles = makeStyles({
  block: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    ...cardSurface,
    minWidth: 0,
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM },
  },
  warned: {
    boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorStatusWarningBorderActive}, ${tokens.shadow4}`,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: 'anywhere',
  },
  meta: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  table: {
    width: '100%',
    borderCollapse: 'collapse',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    [NARROW]: { display: 'block' },
  },
  thead: {
    [NARROW]: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
  },
  th: {
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
    paddingBlock: tokens.spacingVerticalXS,
    paddingInline: tokens.spacingHorizontalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  tbody: { [NARROW]: { display: 'block' } },
  row: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
    [NARROW]: { display: 'block', paddingBlock: tokens.spacingVerticalS },
  },
  cell: {
    textAlign: 'start',
    verticalAlign: 'top',
    fontWeight: tokens.fontWeightRegular,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalS,
    overflowWrap: 'break-word',
    [NARROW]: { display: 'block', padding: 0, overflowWrap: 'anywhere' },
  },
  name: { width: '30%', [NARROW]: { width: 'auto', fontWeight: tokens.fontWeightSemibold } },
  role: { width: '25%', [NARROW]: { width: 'auto', color: tokens.colorNeutralForeground2 } },
  email: { [NARROW]: { color: tokens.colorNeutralForeground2 } },
  action: { width: '1%', whiteSpace: 'nowrap', [NARROW]: { width: 'auto', paddingBlockStart: tokens.spacingVerticalXS } },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export function OrganisationMembers({
  name,
  kindLabel,
  people,
  missingDelegate,
  onErase,
}: {
  name: string;
  /** "Förvaltning", "Bolag" …; none for the people without an organisation. */
  kindLabel: string | null;
  people: MemberPerson[];
  missingDelegate: boolean;
  /** Strategists only: the people who may be erased here get a button that asks for it. */
  onErase?: { can: (person: MemberPerson) => boolean; ask: (person: MemberPerson) => void };
}) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useMembersStrings();
  const headingId = useId();

  return (
    <section className={mergeClasses(styles.block, missingDelegate && styles.warned)} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h3 id={headingId} className={styles.h3}>
          {name}
        </h3>
        {kindLabel && (
          <Badge appearance="tint" shape="rounded" color="informative">
            {kindLabel}
          </Badge>
        )}
        {missingDelegate && (
          <Badge appearance="filled" shape="rounded" color="warning">
            {s.missingDelegate}
          </Badge>
        )}
        <span className={styles.meta}>{s.members(people.length)}</span>
      </div>
      {people.length === 0 ? (
        <p className={styles.none}>{s.noMembers}</p>
      ) : (
        <table role="table" className={styles.table} aria-labelledby={headingId}>
          <thead role="rowgroup" className={styles.thead}>
            <tr role="row">
              <th role="columnheader" scope="col" className={styles.th}>
                {s.columns.name}
              </th>
              <th role="columnheader" scope="col" className={styles.th}>
                {s.columns.role}
              </th>
              <th role="columnheader" scope="col" className={styles.th}>
                {s.columns.email}
              </th>
              {onErase && (
                <th role="columnheader" scope="col" className={styles.th}>
                  <span className={shared.visuallyHidden}>{s.actionColumn}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody role="rowgroup" className={styles.tbody}>
            {people.map((person) => (
              <tr key={person.id} role="row" className={styles.row}>
                <th role="rowheader" scope="row" className={mergeClasses(styles.cell, styles.name)}>
                  {person.name}
                </th>
                <td role="cell" className={mergeClasses(styles.cell, styles.role)}>
                  {s.roles[person.role]}
                </td>
                <td role="cell" className={mergeClasses(styles.cell, styles.email)}>
                  {person.email}
                </td>
                {onErase && (
                  <td role="cell" className={mergeClasses(styles.cell, styles.action)}>
                    {onErase.can(person) && (
                      <Button size="small" appearance="subtle" aria-label={s.eraseLabel(person.name)} onClick={() => onErase.ask(person)}>
                        {s.erase}
                      </Button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
