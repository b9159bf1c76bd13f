// Who owns a key result or an initiative, as a native select (the phone's own picker): no owner,
// the unit's members, then everyone else. In an organisation too large to list whole, the select
// holds the members and the people the page already names, and a search field below it adds
// those whose name contains what is typed (found on the server), saying how many it added.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../components/Fields';
import { SelectField, type Choice } from '../../components/SelectField';
import { useOwnerChoices } from './useOwnerChoices';

export function OwnerSelect({ label, unitId, value, onChange, error, hint, known }: {
  label: string; unitId: string; value: string; onChange(ownerId: string, owner: Choice | undefined): void; error?: string | undefined; hint?: string | undefined;
  /** People to offer whatever the search: the current owner and others the page names. */
  known: readonly Choice[];
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { choices, complete, found } = useOwnerChoices(unitId, { text, known });
  return (
    <>
      <SelectField label={label} value={value || '-'} onChange={(v) => onChange(v === '-' ? '' : v, choices.find((c) => c.id === v))} error={error} hint={hint}
        choices={[{ id: '-', label: t('keyResult.noOwner') }, ...choices]} />
      {!complete && (
        <>
          <TextInput type="search" label={t('ownerSelect.find', { field: label })} value={text} onChange={setText} hint={t('ownerSelect.findHint', { field: label })} />
          <span className="visually-hidden" role="status">{found === undefined ? '' : t('ownerSelect.found', { count: found, field: label })}</span>
        </>
      )}
    </>
  );
}
