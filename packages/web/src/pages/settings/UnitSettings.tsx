// The unit tree: add a unit under a parent, rename or move one, and choose its members.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import type { Unit } from '@varde/core';
import { api } from '../../api/client';
import { useOrganisation, usePeople, useUnits } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField } from '../../components/SelectField';
import { Modal, useIsDirty } from '../../components/Modal';
import { Check, CheckboxList } from '../../components/Checkboxes';
import { DialogActions } from '../../components/DialogActions';
import { useSave } from '../../components/useSave';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { Loading } from '../../components/States';
import { ConfirmAction } from '../../components/ConfirmAction';
import { useToast } from '../../components/Toast';
import { useQueryClient } from '@tanstack/react-query';
import { date, weekdayName } from '../../i18n/format';
import { ChangedElsewhere, Reloadable } from '../../components/ChangedElsewhere';

const KINDS = ['organisation', 'area', 'team'] as const;

interface UnitDialogProps { existing?: Unit | undefined; units: Unit[]; onClose(): void }

/** A unit being edited can be read again when someone else changes it meanwhile. */
function UnitDialog(props: UnitDialogProps) {
  const { existing } = props;
  if (!existing) return <UnitForm {...props} />;
  return (
    <Reloadable initial={existing} read={(u) => api.get<Unit>(`/units/${u.id}`)}>
      {(current, reload) => <UnitForm {...props} existing={current} onReload={reload} />}
    </Reloadable>
  );
}

function UnitForm({ existing, units, onClose, onReload }: UnitDialogProps & { onReload?: () => void }) {
  const { t, i18n } = useTranslation();
  const people = usePeople();
  const org = useOrganisation();
  // '' is "as the organisation" (null), which the unit then follows when the organisation changes.
  const [checkInWeekday, setCheckInWeekday] = useState(existing?.checkInWeekday ? String(existing.checkInWeekday) : '');
  const [checkInCadence, setCheckInCadence] = useState<string>(existing?.checkInCadence ?? '');
  const root = units.find((u) => u.parentId === null);
  const [name, setName] = useState(existing?.name ?? '');
  const [kind, setKind] = useState<string>(existing?.kind ?? 'team');
  const [parentId, setParentId] = useState(existing?.parentId ?? root?.id ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [members, setMembers] = useState(existing?.members ?? []);
  const { error, busy, onSubmit } = useSave(() => {
    const body = {
      name, kind, description, members, ...(existing?.parentId === null ? {} : { parentId }),
      checkInWeekday: checkInWeekday ? Number(checkInWeekday) : null, checkInCadence: checkInCadence || null,
    };
    return existing ? api.patch(`/units/${existing.id}`, { ...body, version: existing.version }) : api.post('/units', body);
  }, onClose, t('controls.unitSaved'));
  const errors = localFieldErrors(t, error);
  const isDirty = useIsDirty({ name, kind, parentId, description, members, checkInWeekday, checkInCadence });
  const roleOf = (id: string) => members.find((m) => m.personId === id)?.role;
  // One group holds both kinds of box: a person's id makes them a member, `lead:` and the id their lead.
  const chosen = members.flatMap((m) => (m.role === 'lead' ? [m.personId, `lead:${m.personId}`] : [m.personId]));
  const choose = (values: string[]) => {
    const kept = members.filter((m) => values.includes(m.personId)).map((m) => m.personId);
    const added = values.filter((v) => !v.startsWith('lead:') && !kept.includes(v));
    setMembers([...kept, ...added].map((personId) => ({ personId, role: values.includes(`lead:${personId}`) ? 'lead' as const : 'member' as const })));
  };
  return (
    <Modal title={existing ? t('settings.editUnit', { name: existing.name }) : t('settings.newUnit')} isOpen onClose={onClose} isDirty={isDirty}>
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormError>{formMessage(t, error, ['name', 'kind', 'parentId', 'description', 'members', 'checkInWeekday', 'checkInCadence'])}</FormError>
        {existing && <ChangedElsewhere about={(e) => e.subject.kind === 'unit' && e.subject.id === existing.id} onReload={onReload} />}
        <TextInput label={t('settings.unitName')} value={name} onChange={setName} error={errors.name} isRequired autoFocus />
        <SelectField label={t('settings.unitKind')} value={kind} onChange={setKind} error={errors.kind} choices={KINDS.map((k) => ({ id: k, label: t(`unitKind.${k}`) }))} />
        {existing?.parentId !== null && (
          <SelectField label={t('settings.parent')} value={parentId} onChange={setParentId} error={errors.parentId}
            choices={units.filter((u) => u.id !== existing?.id && (u.archivedAt === null || u.id === existing?.parentId)).map((u) => ({ id: u.id, label: u.name }))} />
        )}
        <TextInput label={t('settings.unitDescription')} value={description} onChange={setDescription} multiline error={errors.description} />
        <div className="grid-2">
          <SelectField label={t('rituals.checkInWeekday')} value={checkInWeekday} onChange={setCheckInWeekday} error={errors.checkInWeekday}
            choices={[{ id: '', label: t('rituals.asOrganisation', { value: org.data ? weekdayName(i18n.language, org.data.checkInWeekday) : '' }) },
              ...[1, 2, 3, 4, 5, 6, 7].map((d) => ({ id: String(d), label: weekdayName(i18n.language, d) }))]} />
          <SelectField label={t('rituals.checkInCadence')} value={checkInCadence} onChange={setCheckInCadence} error={errors.checkInCadence}
            choices={[{ id: '', label: t('rituals.asOrganisation', { value: org.data ? t(`rituals.cadences.${org.data.checkInCadence}`) : '' }) },
              ...['weekly', 'biweekly'].map((c) => ({ id: c, label: t(`rituals.cadences.${c}`) }))]} />
        </div>
        <CheckboxList label={t('settings.members')} value={chosen} onChange={choose} error={errors.members}>
          <div className="checkbox-items scroll">
            {(people.data ?? []).map((p) => (
              <div key={p.id} className="member-row">
                <Check value={p.id}>{p.name}</Check>
                {roleOf(p.id) && <Check value={`lead:${p.id}`} aria-label={t('controls.leadOf', { name: p.name })}>{t('settings.lead')}</Check>}
              </div>
            ))}
          </div>
        </CheckboxList>
        <DialogActions busy={busy} onCancel={onClose} />
      </form>
    </Modal>
  );
}

/** Archive or restore, after asking: the server says why not (units below still active, the unit above archived). */
function ArchiveUnit({ unit, onClose }: { unit: Unit; onClose(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const archive = unit.archivedAt === null;
  return (
    <ConfirmAction title={t(archive ? 'unitArchive.archiveTitle' : 'unitArchive.restoreTitle', { name: unit.name })}
      lead={t(archive ? 'unitArchive.archiveLead' : 'unitArchive.restoreLead')}
      confirmLabel={t(archive ? 'unitArchive.archive' : 'unitArchive.restore')} danger={archive} onClose={onClose}
      onConfirm={async () => {
        await api.patch(`/units/${unit.id}`, { version: unit.version, archived: archive });
        await queryClient.invalidateQueries();
        toast(t(archive ? 'unitArchive.archived' : 'unitArchive.restored', { name: unit.name }));
      }} />
  );
}

export function UnitSettings() {
  const { t, i18n } = useTranslation();
  const units = useUnits();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Unit | null>(null);
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
      <div style={{ overflowX: 'auto', position: 'relative' }}>
      <table className="data">
        <thead><tr><th scope="col">{t('settings.unitName')}</th><th scope="col">{t('settings.unitKind')}</th><th scope="col">{t('rituals.rhythmColumn')}</th><th scope="col" className="num">{t('settings.members')}</th><th scope="col"><span className="visually-hidden">{t('common.edit')}</span></th></tr></thead>
        <tbody>
          {ordered.map((u) => (
            <tr key={u.id}>
              <td style={{ paddingLeft: `${0.5 + depth(u) * 1.2}rem` }}>
                {u.name}
                {u.archivedAt && <span className="small muted"> · {t('unitArchive.archivedShort', { date: date(i18n.language, u.archivedAt) })}</span>}
              </td>
              <td>{t(`unitKind.${u.kind}`)}</td>
              <td>
                {t('rituals.rhythm', { cadence: t(`rituals.cadences.${u.checkIn.cadence}`), weekday: weekdayName(i18n.language, u.checkIn.weekday) })}
                {u.checkIn.inherited && <span className="small muted"> · {t('rituals.inherited')}</span>}
              </td>
              <td className="num">{u.members.length}</td>
              <td>
                <div className="row" style={{ gap: '.3rem', flexWrap: 'nowrap' }}>
                  <Button className="button quiet small" onPress={() => setEditing(u)} aria-label={t('settings.editUnit', { name: u.name })}>{t('common.edit')}</Button>
                  {u.parentId !== null && (
                    <Button className="button quiet small" onPress={() => setArchiving(u)} aria-label={t(u.archivedAt ? 'unitArchive.restoreNamed' : 'unitArchive.archiveNamed', { name: u.name })}>
                      {t(u.archivedAt ? 'unitArchive.restore' : 'unitArchive.archive')}
                    </Button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
      {archiving && <ArchiveUnit unit={archiving} onClose={() => setArchiving(null)} />}
      {editing && <UnitDialog existing={editing === 'new' ? undefined : editing} units={units.data} onClose={() => setEditing(null)} />}
    </div>
  );
}
