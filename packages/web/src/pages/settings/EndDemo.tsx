// Ending the demo: removes the demo organisation and everything in it, then opens the first-run
// set-up of the real one. The admin confirms by typing the organisation's name, since nothing
// of the demo can be brought back.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { useLocationProperty } from 'wouter/use-browser-location';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api } from '../../api/client';
import { useSetupState } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { Modal } from '../../components/Modal';
import { DialogActions } from '../../components/DialogActions';

export function EndDemo({ organisationName }: { organisationName: string }) {
  const { t } = useTranslation();
  const state = useSetupState();
  const hash = useLocationProperty(() => window.location.hash);
  const heading = useRef<HTMLHeadingElement>(null);
  const [open, setOpen] = useState(false);
  const wanted = state.data?.demo && hash === '#end-demo';
  useEffect(() => {
    // Arriving from the demo banner's link: show this section rather than the top of the form.
    if (wanted) { heading.current?.scrollIntoView({ block: 'center' }); heading.current?.focus(); }
  }, [wanted]);
  if (!state.data?.demo) return null;
  return (
    <section className="card stack end-demo" aria-labelledby="end-demo" style={{ marginTop: '1rem' }}>
      <h2 id="end-demo" ref={heading} tabIndex={-1}>{t('demo.endTitle')}</h2>
      <p style={{ margin: 0 }}>{t('demo.endLead')}</p>
      <div><Button className="button danger" onPress={() => setOpen(true)}>{t('demo.endButton')}</Button></div>
      {open && <ConfirmEndDemo organisationName={organisationName} onClose={() => setOpen(false)} />}
    </section>
  );
}

function ConfirmEndDemo({ organisationName, onClose }: { organisationName: string; onClose(): void }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (typed.trim() !== organisationName.trim()) { setMismatch(true); return; }
    setBusy(true);
    setFailed(false);
    try {
      await api.del('/demo');
      // Everyone is signed out and nothing cached belongs to anything that exists any more.
      queryClient.clear();
      navigate('/setup', { replace: true });
    } catch {
      setFailed(true);
      setBusy(false);
    }
  };

  return (
    <Modal title={t('demo.confirmTitle')} isOpen onClose={onClose} isDirty={typed !== ''}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError>{failed ? t('demo.endFailed') : ''}</FormError>
        <p style={{ margin: 0 }}>{t('demo.confirmLead', { name: organisationName })}</p>
        <TextInput label={t('demo.confirmName')} value={typed} onChange={(v) => { setTyped(v); setMismatch(false); }}
          error={mismatch ? t('demo.confirmMismatch') : undefined} isRequired autoFocus autoComplete="off" />
        <DialogActions busy={busy} onCancel={onClose} saveLabel={t('demo.confirmSubmit')} />
      </form>
    </Modal>
  );
}
