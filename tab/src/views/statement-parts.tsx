/**
 * The parts of the tab's statements (the accessibility statement, the privacy notice): a column
 * of sections, each a heading with paragraphs and bullet lists, readable from 280 px.
 */
import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export const useStatementStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL, maxWidth: '75ch' },
  intro: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS, minWidth: 0 },
  // Long Swedish compounds ("Tillgänglighetsredogörelse") are wider than a 280 px side panel.
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
});

/** A section with its own heading (h3), labelled by it. */
export function StatementSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  const styles = useStatementStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Subtitle2 as="h3" id={id} className={styles.heading}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export function StatementText({ children, className }: { children: ReactNode; className?: string }) {
  const styles = useStatementStyles();
  return (
    <Body1 as="p" className={className ?? styles.text}>
      {children}
    </Body1>
  );
}

export function StatementList({ lines }: { lines: readonly string[] }) {
  const styles = useStatementStyles();
  return (
    <ul className={styles.list}>
      {lines.map((line) => (
        <li key={line}>
          <Body1>{line}</Body1>
        </li>
      ))}
    </ul>
  );
}
