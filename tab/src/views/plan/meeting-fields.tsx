/**
 * The fields both plan dialogs ask for a meeting — its length, place and online link — so the
 * year's pattern and a single meeting are entered the same way, with the same limits.
 */
import { Field, Input } from '@fluentui/react-components';
import type { PlanField } from './plan-errors';
import { usePlanStrings } from './plan-strings';

type Key = 'durationMinutes' | 'place' | 'onlineUrl';

export function MeetingFields({
  values,
  onChange,
  errorAt,
  wideClassName,
}: {
  values: Record<Key, string>;
  onChange: (key: Key) => (value: string) => void;
  errorAt: (field: PlanField) => string | undefined;
  /** Spans the dialog's grid: place and link are long. */
  wideClassName: string;
}) {
  const s = usePlanStrings();
  return (
    <>
      <Field label={s.fields.durationMinutes} validationMessage={errorAt('durationMinutes')} required>
        <Input
          type="number"
          min={15}
          max={480}
          step={15}
          value={values.durationMinutes}
          onChange={(_, d) => onChange('durationMinutes')(d.value)}
        />
      </Field>
      <Field className={wideClassName} label={s.fields.place} validationMessage={errorAt('place')}>
        <Input maxLength={200} value={values.place} onChange={(_, d) => onChange('place')(d.value)} />
      </Field>
      <Field className={wideClassName} label={s.fields.onlineUrl} hint={s.fields.onlineUrlHint} validationMessage={errorAt('onlineUrl')}>
        <Input type="url" inputMode="url" maxLength={2000} value={values.onlineUrl} onChange={(_, d) => onChange('onlineUrl')(d.value)} />
      </Field>
    </>
  );
}
