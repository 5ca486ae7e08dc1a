/** Who answered the kallelse how, by organisation, and which förvaltningar will not be represented. */
import {
  Badge,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ErrorState, EmptyState, LoadingState } from '../status-views';
import type { Resource } from '../../use-resource';
import type { AttendanceOverview } from './meeting-api';
import { useMeetingStrings } from './meeting-strings';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  table: { backgroundColor: tokens.colorNeutralBackground1 },
  org: {
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    // "Samhällsbyggnadsförvaltningen" is wider than a 280 px side panel's table.
    overflowWrap: 'anywhere',
  },
});

const COLOUR = { yes: 'success', no: 'danger', substitute: 'warning', none: 'subtle' } as const;

/** `called`: the kallelse has gone out, so an organisation with no one coming is worth a warning. */
export function AttendanceSection({ attendance, called }: { attendance: Resource<AttendanceOverview>; called: boolean }) {
  const styles = useStyles();
  const s = useMeetingStrings();
  if (!attendance.data) {
    return attendance.error ? <ErrorState error={attendance.error} onRetry={attendance.reload} /> : <LoadingState label={s.loading} />;
  }
  const { answers, unrepresented } = attendance.data;
  const byOrganisation = new Map<string, typeof answers>();
  for (const answer of answers) {
    const key = answer.organisationName ?? s.noOrganisation;
    byOrganisation.set(key, [...(byOrganisation.get(key) ?? []), answer]);
  }
  const organisations = [...byOrganisation.keys()].sort((a, b) => a.localeCompare(b, 'sv'));
  return (
    <div className={styles.body}>
      {called && unrepresented.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{s.unrepresented(unrepresented.join(', '))}</MessageBarBody>
        </MessageBar>
      )}
      {answers.every((a) => a.rsvp === null) && <EmptyState>{s.attendanceEmpty}</EmptyState>}
      <Table className={styles.table} size="small" aria-label={s.attendanceTitle}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{s.person}</TableHeaderCell>
            <TableHeaderCell scope="col">{s.answer}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        {/* One row group per organisation, headed by its name, so a screen reader names it for every row. */}
        {organisations.map((organisation) => (
          <TableBody key={organisation}>
            <TableRow>
              <th className={styles.org} colSpan={2} scope="rowgroup">
                {organisation}
              </th>
            </TableRow>
            {(byOrganisation.get(organisation) ?? []).map((answer) => {
              const rsvp = answer.rsvp ?? 'none';
              return (
                <TableRow key={answer.personId}>
                  <TableCell>{answer.name}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={COLOUR[rsvp]}>
                      {s.rsvp[rsvp]}
                    </Badge>
                    {answer.substituteName ? ` ${s.substituteFor(answer.substituteName)}` : ''}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        ))}
      </Table>
    </div>
  );
}
