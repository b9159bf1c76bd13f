// The Delete of an edit dialog or a page: opens the question (DeleteDialog) and, once deleted,
// lets the caller close or leave what showed the deleted thing.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { DeleteDialog, type DeletionSubject } from './DeleteDialog';

export function DeleteButton({ subject, onDeleted, className = 'button danger-quiet delete-action' }: { subject: DeletionSubject; onDeleted(): void; className?: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button className={className} onPress={() => setAsking(true)}>{t(`removal.delete.${subject.kind}`)}</Button>
      {asking && <DeleteDialog subject={subject} onCancel={() => setAsking(false)} onDeleted={() => { setAsking(false); onDeleted(); }} />}
    </>
  );
}
