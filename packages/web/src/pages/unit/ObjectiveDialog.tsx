// Create an objective with its key results and what it pays into, or edit one. Each field shows
// the server's message for it; the objective and its key results are saved together or not at all.
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import type { Objective, ObjectiveWithKeyResults } from '@varde/core';
import { api } from '../../api/client';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField, type Choice } from '../../components/SelectField';
import { Modal, useIsDirty } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';
import { DeleteButton } from '../../components/DeleteButton';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { AlignmentPicker, type ChosenAlignment } from './AlignmentPicker';
import { OwnerPicker } from './OwnerPicker';
import { draftToBody, emptyDraft, type KeyResultDraft } from './KeyResultFields';
import { KeyResultDraftList } from './KeyResultDraftList';
import { focusFirstInvalid } from '../../components/focusFirstInvalid';
import { ChangedElsewhere, Reloadable } from '../../components/ChangedElsewhere';
import { alignmentsOf } from './alignments';

interface ObjectiveDialogProps {
  unitId: string; periodId: string; known: readonly Choice[]; existing?: Objective | undefined; existingAlignments?: ChosenAlignment[]; onClose(): void;
}

/** `known`: the people the page names, for the existing owners' names and to offer as owners. An
 *  objective being edited can be read again when someone else changes it meanwhile. */
export function ObjectiveDialog(props: ObjectiveDialogProps) {
  const { existing } = props;
  if (!existing) return <ObjectiveForm {...props} />;
  return (
    <Reloadable initial={{ objective: existing, alignments: props.existingAlignments }}
      read={async (c) => { const fresh = await api.get<ObjectiveWithKeyResults>(`/objectives/${c.objective.id}`); return { objective: fresh, alignments: alignmentsOf(fresh) }; }}>
      {(c, reload) => <ObjectiveForm {...props} existing={c.objective} existingAlignments={c.alignments} onReload={reload} />}
    </Reloadable>
  );
}

function ObjectiveForm({ unitId, periodId, known, existing, existingAlignments, onClose, onReload }: ObjectiveDialogProps & { onReload?: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(existing?.title ?? '');
  const [description, setDescription] = useState(existing?.description ?? '');
  const [kind, setKind] = useState<string>(existing?.kind ?? 'committed');
  const [owners, setOwners] = useState<Choice[]>(() => (existing?.ownerIds ?? []).map((id) => ({ id, label: known.find((k) => k.id === id)?.label ?? '' })));
  const [alignments, setAlignments] = useState<ChosenAlignment[]>(existingAlignments ?? []);
  const [drafts, setDrafts] = useState<KeyResultDraft[]>(existing ? [] : [emptyDraft(), emptyDraft()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string>(existing?.status ?? 'draft');
  const isDirty = useIsDirty({ title, description, kind, owners, alignments, drafts, status });
  const form = useRef<HTMLFormElement>(null);
  // After a refusal the first field to fix takes focus (a key result row with a refused hidden field is open by then).
  useEffect(() => { if (Object.keys(errors).length > 0) focusFirstInvalid(form.current); }, [errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    setMessage('');
    // The drafts left empty are not sent; the server names a key result by its place among those sent.
    const sent = drafts.map((d, i) => ({ d, i })).filter(({ d }) => d.title.trim() || d.target.trim());
    try {
      const body = { title, description, kind, status, ownerIds: owners.map((o) => o.id), alignments: alignments.map((a) => a.alignment) };
      if (existing) await api.patch(`/objectives/${existing.id}`, { ...body, version: existing.version });
      else await api.post('/objectives', { ...body, unitId, periodId, keyResults: sent.map(({ d }) => draftToBody(d)) });
    } catch (err) {
      const fe = localFieldErrors(t, err);
      // keyResults.1.target → kr<draft index>.target, shown beside the field of that draft.
      setErrors(Object.fromEntries(Object.entries(fe).map(([k, v]) => {
        const m = /^keyResults\.(\d+)\.(.+)$/.exec(k);
        return m ? [`kr${sent[Number(m[1])]?.i ?? 0}.${m[2]}`, v] : [k, v];
      })));
      setMessage(formMessage(t, err, ['title', 'description', 'kind', 'status', 'ownerIds', 'alignments', ...Object.keys(fe).filter((k) => k.startsWith('keyResults.'))]));
      setBusy(false);
      return;
    }
    // Not awaited: the dialog closes once the server took the objective, and the page's reads
    // (more of them since the activity and the coordination sections) come in behind it.
    void queryClient.invalidateQueries();
    setBusy(false);
    onClose();
  };

  // A new key result's owner follows the objective's first owner until someone picks another.
  const chooseOwners = (next: Choice[]) => {
    const before = owners[0]?.id ?? '';
    setDrafts(drafts.map((d) => (d.ownerId === before ? { ...d, ownerId: next[0]?.id ?? '' } : d)));
    setOwners(next);
  };
  const offered = useMemo(() => [...known, ...owners], [known, owners]);
  return (
    <Modal title={existing ? t('objective.edit') : t('objective.new')} isOpen onClose={onClose} isDirty={isDirty}>
      <form ref={form} className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError>{message}</FormError>
        {existing && <ChangedElsewhere about={(e) => e.subject.id === existing.id} onReload={onReload} />}
        <>
            <TextInput label={t('objective.title')} value={title} onChange={setTitle} error={errors.title} isRequired autoFocus hint={t('objective.titleHint')} />
            <TextInput label={t('objective.why')} value={description} onChange={setDescription} multiline error={errors.description} hint={t('objective.whyHint')} />
            <SelectField label={t('objective.kind')} value={kind} onChange={setKind} error={errors.kind}
              choices={[{ id: 'committed', label: t('objective.kinds.committed') }, { id: 'aspirational', label: t('objective.kinds.aspirational') }]} />
            <SelectField label={t('objectiveStatus.label')} value={status} onChange={setStatus} error={errors.status} hint={t('objectiveStatus.hint')}
              choices={(existing ? ['draft', 'active', 'done', 'cancelled', ...(existing.status === 'backlog' ? ['backlog'] : [])] : ['draft', 'active']).map((s) => ({ id: s, label: t(`objective.statuses.${s}`) }))} />
            <OwnerPicker unitId={unitId} chosen={owners} onChange={chooseOwners} error={errors.ownerIds} />
            <AlignmentPicker periodId={periodId} excludeObjectiveId={existing?.id} chosen={alignments} onChange={setAlignments} error={errors.alignments} />
        </>
        {!existing && (
          <section className="stack" aria-labelledby="kr-drafts">
            <h3 id="kr-drafts">{t('objective.keyResults')}</h3>
            <KeyResultDraftList drafts={drafts} onChange={setDrafts} errors={errors} unitId={unitId} known={offered} ownerId={owners[0]?.id ?? ''} />
          </section>
        )}
        <DialogActions busy={busy} onCancel={onClose}
          extra={existing?.can.delete && <DeleteButton subject={{ kind: 'objective', id: existing.id, title: existing.title }} onDeleted={onClose} />} />
      </form>
    </Modal>
  );
}
