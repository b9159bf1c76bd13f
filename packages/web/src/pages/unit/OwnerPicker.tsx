// The objective's owners: a searchable combobox of people (the unit's members first, as the page
// sorts them) adds an owner; each chosen owner is listed with a button that removes them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, useFilter } from 'react-aria-components';
import type { Choice } from '../../components/SelectField';

export function OwnerPicker({ people, chosen, onChange, error }: {
  people: readonly Choice[]; chosen: readonly string[]; onChange(ids: string[]): void; error?: string | undefined;
}) {
  const { t } = useTranslation();
  const { contains } = useFilter({ sensitivity: 'base' });
  const [text, setText] = useState('');
  const [picks, setPicks] = useState(0);
  const nameOf = new Map(people.map((p) => [p.id, p.label]));
  const open = people.filter((p) => !chosen.includes(p.id) && contains(p.label, text));
  return (
    <div className="stack">
      {/* Remounted after each pick, so its list closes and the search starts over, focus kept in it. */}
      <ComboBox key={picks} className="field" inputValue={text} onInputChange={setText} selectedKey={null}
        onSelectionChange={(key) => { if (key !== null) { onChange([...chosen, String(key)]); setText(''); setPicks(picks + 1); } }}
        isInvalid={Boolean(error)} aria-describedby={chosen.length ? 'owner-picker-chosen' : undefined}>
        <Label>{t('ownerPicker.add')}</Label>
        <Input placeholder={t('ownerPicker.placeholder')} autoFocus={picks > 0} />
        <Text slot="description" className="hint">{t('ownerPicker.hint')}</Text>
        <Popover className="popover">
          <ListBox className="listbox" items={open} renderEmptyState={() => <div className="option">{t('ownerPicker.none')}</div>}>
            {(p) => <ListBoxItem id={p.id} className="option" textValue={p.label}>{p.label}</ListBoxItem>}
          </ListBox>
        </Popover>
      </ComboBox>
      {chosen.length > 0 && (
        <ul id="owner-picker-chosen" className="row" aria-label={t('ownerPicker.chosen')} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {chosen.map((id) => (
            <li key={id} className="chip">
              {nameOf.get(id) ?? id}
              <Button className="button quiet small" aria-label={t('ownerPicker.remove', { name: nameOf.get(id) ?? id })}
                onPress={() => onChange(chosen.filter((o) => o !== id))}>×</Button>
            </li>
          ))}
        </ul>
      )}
      {error && <span className="field-error">{error}</span>}
    </div>
  );
}
