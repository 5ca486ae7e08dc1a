/**
 * The search box in the header, on every view: a search landmark with a labelled field and a
 * button, so Enter submits and a screen reader finds it by its role. It opens the results view.
 */
import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useSharedStyles } from '../../shared-styles';
import { QUERY_MAX, QUERY_MIN } from './search-api';
import { useSearchQuery } from './search-query';
import { useSearchStrings } from './search-strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0, maxWidth: '100%' },
  row: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  input: { width: '16rem', maxWidth: '100%', minWidth: 0, '@media (max-width: 480px)': { width: '100%', flexGrow: 1 } },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
});

export function SearchBox({ onSearch }: { onSearch: (query: string) => void }) {
  const styles = useStyles();
  const shared = useSharedStyles();
  const s = useSearchStrings();
  const shown = useSearchQuery();
  const [value, setValue] = useState(shown);
  const [tooShort, setTooShort] = useState(false);
  const inputId = useId();
  const hintId = useId();
  // A search started elsewhere (or a reload) shows in the box.
  useEffect(() => setValue(shown), [shown]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const query = value.trim();
    setTooShort(query.length < QUERY_MIN);
    if (query.length >= QUERY_MIN) onSearch(query);
  };

  return (
    <form role="search" className={styles.form} onSubmit={submit} aria-label={s.boxLabel}>
      <label htmlFor={inputId} className={shared.visuallyHidden}>
        {s.boxLabel}
      </label>
      <div className={styles.row}>
        <Input
          id={inputId}
          className={styles.input}
          type="search"
          size="small"
          value={value}
          maxLength={QUERY_MAX}
          placeholder={s.boxPlaceholder}
          aria-describedby={tooShort ? hintId : undefined}
          onChange={(_, data) => {
            setValue(data.value);
            if (tooShort && data.value.trim().length >= QUERY_MIN) setTooShort(false);
          }}
        />
        <Button type="submit" size="small" appearance="secondary">
          {s.submit}
        </Button>
      </div>
      <p id={hintId} className={tooShort ? styles.hint : shared.visuallyHidden} role="status">
        {tooShort ? s.tooShort : ''}
      </p>
    </form>
  );
}
