// Deleting with undo: the deletion answers an undoId; the toast then offers "Undo" for a while,
// which restores from the trash and says so, or says why it could not.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Deletion, TrashKind } from '@varde/core';
import { api, ApiError } from '../api/client';
import { errorKind } from './errorKind';
import { useToast } from './Toast';

export const deletionUrl = (kind: TrashKind, id: string): string =>
  `/${kind === 'objective' ? 'objectives' : kind === 'keyResult' ? 'key-results' : 'initiatives'}/${id}`;

/** Answers `remove(kind, id, afterDeleted)`: it deletes (a refusal throws, for the caller to
 *  show), runs `afterDeleted` (close a dialog, leave a page that shows what is gone), refreshes
 *  every read and offers the undo. */
export function useRemoval() {
  const { t } = useTranslation();
  const toast = useToast();
  const queryClient = useQueryClient();

  const undo = useCallback(async (deletion: Deletion) => {
    try {
      await api.post(`/trash/${deletion.undoId}/restore`);
      await queryClient.invalidateQueries();
      toast(t(`removal.restored.${deletion.kind}`));
    } catch (err) {
      const conflict = err instanceof ApiError ? err.errors.find((e) => e.code === 'restore_conflict') : undefined;
      toast(conflict ? t(`removal.conflict.${conflict.field}`, { defaultValue: t('removal.undoGone') })
        : err instanceof ApiError && err.status === 404 ? t('removal.undoGone')
          : t(`controls.errors.${errorKind(err, navigator.onLine)}`));
    }
  }, [queryClient, t, toast]);

  return useCallback(async (kind: TrashKind, id: string, afterDeleted: () => void) => {
    const deletion = await api.del<Deletion>(deletionUrl(kind, id));
    afterDeleted();
    // After the screen that showed it has had a turn to go (a key result's page navigates away),
    // so its own read is not asked for again and answered 404.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await queryClient.invalidateQueries();
    // The control that opened the dialog may be gone with what it deleted.
    if (document.activeElement === document.body) document.getElementById('main')?.focus();
    toast(t(`removal.deleted.${kind}`), { label: t('removal.undo'), onAction: () => void undo(deletion) });
  }, [queryClient, t, toast, undo]);
}
