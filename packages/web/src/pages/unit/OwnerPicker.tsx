// The objective's owners: a searchable combobox of people (the unit's members first) adds an
// owner; each chosen owner is listed with a button that removes them. The people are read when
// the dialog opens (useOwnerChoices): in a large organisation, those outside the unit are found
// on the server as one types.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, useFilter } from 'react-aria-components';
import type { Choice } from '../../components/SelectField';
import { useOwnerChoices } from './useOwnerChoices';

export function OwnerPicker({ unitId, chosen, onChange, error }: {
  unitId: string; chosen: readonly Choice[]; onChange(owners: Choice[]): void; error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { contains } = useFilter({ sensitivity: 'base' });
  const [text, setText] = useState('');
  const [picks, setPicks] = useState(0);
  const { choices, complete, isLoading } = useOwnerChoices(unitId, { text });
  const chosenIds = new Set(chosen.map((c) => c.id));
  // The server's search matches case-insensitively; the local filter, which ignores accents too,
  // lets all of those through and narrows the members and the results of a shorter text.
  const open = choices.filter((p) => !chosenIds.has(p.id) && contains(p.label, text));
  return (
    <div className="stack">
      {/* Remounted after each pick, so its list closes and the search starts over, focus kept in it. */}
      <ComboBox key={picks} className="field" inputValue={text} onInputChange={setText} selectedKey={null}
        onSelectionChange={(key) => {
          const picked = choices.find((c) => c.id === key);
          if (picked) { onChange([...chosen, picked]); setText(''); setPicks(picks + 1); }
        }}
        isInvalid={Boolean(error)} aria-describedby={chosen.length ? 'owner-picker-chosen' : undefined}>
        <Label>{t('ownerPicker.add')}</Label>
        <Input placeholder={t('ownerPicker.placeholder')} autoFocus={picks > 0} />
        <Text slot="description" className="hint">{complete ? t('ownerPicker.hint') : `${t('ownerPicker.hint')} ${t('ownerPicker.hintSearch')}`}</Text>
        <Popover className="popover">
          <ListBox className="listbox" items={open} renderEmptyState={() => <div className="option">{isLoading ? t('common.loading') : t('ownerPicker.none')}</div>}>
            {(p) => <ListBoxItem id={p.id} className="option" textValue={p.label}>{p.label}</ListBoxItem>}
          </ListBox>
        </Popover>
      </ComboBox>
      {chosen.length > 0 && (
        <ul id="owner-picker-chosen" className="row" aria-label={t('ownerPicker.chosen')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {chosen.map((c) => (
            <li key={c.id} className="chip">
              {c.label}
              <Button className="button quiet small" aria-label={t('ownerPicker.remove', { name: c.label })}
                onPress={() => onChange(chosen.filter((o) => o.id !== c.id))}>×</Button>
            </li>
          ))}
        </ul>
      )}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
