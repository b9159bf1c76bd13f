// The unit tree: add a unit under a parent, rename or move one, and choose its members.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { Unit } from '@varde/core';
import { api } from '../../api/client';
import { usePeople, useUnits } from '../../api/hooks';
import { FormError, SelectField, TextInput } from '../../components/Fields';
import { Modal } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { Loading } from '../../components/States';

const KINDS = ['organisation', 'area', 'team'] as const;

function UnitDialog({ existing, units, onClose }: { existing?: Unit | undefined; units: Unit[]; onClose(): void }) {
  const { t } = useTranslation();
  const people = usePeople();
  const root = units.find((u) => u.parentId === null);
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<string>(existing?.kind ?? 'team');
  const [parentId, setParentId] = useState(existing?.parentId ?? root?.id ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [members, setMembers] = useState(existing?.members ?? []);
  const { error, busy, onSubmit } = useSave(() => {
    const body = { name, kind, description, members, ...(existing?.parentId === null ? {} : { parentId }) };
    return existing ? api.patch(`/units/${existing.id}`, { ...body, version: existing.version }) : api.post('/units', body);
  }, onClose);
  const errors = localFieldErrors(t, error);
  const roleOf = (id: string) => members.find((m) => m.personId === id)?.role;
  return (
    <Modal title={existing ? t('settings.editUnit', { name: existing.name }) : t('settings.newUnit')} isOpen onClose={onClose}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError>{formMessage(t, error, ['name', 'kind', 'parentId', 'description', 'members'])}</FormError>
        <TextInput label={t('settings.unitName')} value={name} onChange={setName} error={errors.name} isRequired autoFocus />
        <SelectField label={t('settings.unitKind')} value={kind} onChange={setKind} error={errors.kind} choices={KINDS.map((k) => ({ id: k, label: t(`unitKind.${k}`) }))} />
        {existing?.parentId !== null && (
          <SelectField label={t('settings.parent')} value={parentId} onChange={setParentId} error={errors.parentId}
            choices={units.filter((u) => u.id !== existing?.id).map((u) => ({ id: u.id, label: u.name }))} />
        )}
        <TextInput label={t('settings.unitDescription')} value={description} onChange={setDescription} multiline error={errors.description} />
        <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="label">{t('settings.members')}</legend>
          <div style={{ maxHeight: '14rem', overflow: 'auto', display: 'grid', gap: '.2rem' }}>
            {(people.data ?? []).map((p) => (
              <div key={p.id} className="row small">
                <label className="row"><input type="checkbox" checked={Boolean(roleOf(p.id))}
                  onChange={(ev) => setMembers(ev.target.checked ? [...members, { personId: p.id, role: 'member' }] : members.filter((m) => m.personId !== p.id))} />{p.name}</label>
                {roleOf(p.id) && (
                  <label className="row"><input type="checkbox" checked={roleOf(p.id) === 'lead'}
                    onChange={(ev) => setMembers(members.map((m) => (m.personId === p.id ? { ...m, role: ev.target.checked ? 'lead' : 'member' } : m)))} />{t('settings.lead')}</label>
                )}
              </div>
            ))}
          </div>
          {errors.members && <span className="field-error">{errors.members}</span>}
        </fieldset>
        <DialogActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}

export function UnitSettings() {
  const { t } = useTranslation();
  const units = useUnits();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  if (!units.data) return <Loading />;
  const byId = new Map(units.data.map((u) => [u.id, u]));
  const depth = (u: Unit) => { let d = 0; for (let p = u.parentId; p; p = byId.get(p)?.parentId ?? null) d++; return d; };
  const ordered: Unit[] = [];
  const visit = (parent: string | null) => units.data.filter((u) => u.parentId === parent).sort((a, b) => a.name.localeCompare(b.name)).forEach((u) => { ordered.push(u); visit(u.id); });
  visit(null);
  return (
    <div className="card stack">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2>{t('settings.units')}</h2>
        <Button className="button" onPress={() => setEditing('new')}>{t('settings.newUnit')}</Button>
      </div>
      <table className="data">
        <thead><tr><th scope="col">{t('settings.unitName')}</th><th scope="col">{t('settings.unitKind')}</th><th scope="col" className="num">{t('settings.members')}</th><th scope="col"><span className="visually-hidden">{t('common.edit')}</span></th></tr></thead>
        <tbody>
          {ordered.map((u) => (
            <tr key={u.id}>
              <td style={{ paddingLeft: `${0.5 + depth(u) * 1.2}rem` }}>{u.name}</td>
              <td>{t(`unitKind.${u.kind}`)}</td>
              <td className="num">{u.members.length}</td>
              <td><Button className="button quiet small" onPress={() => setEditing(u)} aria-label={t('settings.editUnit', { name: u.name })}>{t('common.edit')}</Button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {editing && <UnitDialog existing={editing === 'new' ? undefined : editing} units={units.data} onClose={() => setEditing(null)} />}
    </div>
  );
}
