// The Delete of an edit dialog or a page: opens the question (DeleteDialog) and, once deleted,
// lets the caller close or leave what showed the deleted thing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeletionSubject } from './DeleteDialog';
import { lazyPart, preloadOn } from './lazyPart';

const DeleteDialog = lazyPart(() => import('./DeleteDialog').then((m) => m.DeleteDialog));

export function DeleteButton({ subject, onDeleted, className = 'button danger-quiet delete-action' }: { subject: DeletionSubject; onDeleted(): void; className?: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className={className} {...preloadOn(DeleteDialog)} onClick={() => setAsking(true)}>{t(`removal.delete.${subject.kind}`)}</button>
      {asking && <DeleteDialog subject={subject} onCancel={() => setAsking(false)} onDeleted={() => { setAsking(false); onDeleted(); }} />}
    </>
  );
}
