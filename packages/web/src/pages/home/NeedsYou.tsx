// On Mine, beyond due check-ins: my key results that are off track or whose confidence fell, and
// the blockers open on my units' key results, each linking to where it can be dealt with.
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { MyKeyResult, MyUnitBlocker } from '@varde/core';
import { KeyResultLine } from '../../components/KeyResultLine';
import { BlockerNote } from '../../components/BlockerNote';

/** Off track, or the newest check-in's confidence below the one before. */
export const needsAttention = (kr: MyKeyResult): boolean => kr.trackStatus === 'off-track' || kr.confidenceFell;

export function NeedsYou({ keyResults, blockers, action }: {
  keyResults: readonly MyKeyResult[]; blockers: readonly MyUnitBlocker[]; action: (kr: MyKeyResult) => ReactNode;
}) {
  const { t } = useTranslation();
  const attention = keyResults.filter(needsAttention);
  if (attention.length === 0 && blockers.length === 0) return null;
  return (
    <>
      {attention.length > 0 && (
        <section className="card" aria-labelledby="attention-heading">
          <h2 id="attention-heading">{t('mine.attentionTitle', { count: attention.length })}</h2>
          <ul className="kr-list">
            {attention.map((kr) => (
              <KeyResultLine key={kr.id} kr={kr} action={action(kr)}
                context={<Link to={`/units/${kr.unitId}?period=${kr.periodId}`}>{kr.unitName}</Link>}>
                <div className="kr-initiatives">
                  {kr.trackStatus === 'off-track' && <span className="badge off-track">{t('mine.offTrack')}</span>}
                  {kr.confidenceFell && kr.previousConfidence !== null && kr.confidence !== null &&
                    <span className="badge at-risk">{t('mine.confidenceFell', { from: kr.previousConfidence, to: kr.confidence })}</span>}
                </div>
              </KeyResultLine>
            ))}
          </ul>
        </section>
      )}
      {blockers.length > 0 && (
        <section className="card" aria-labelledby="blockers-heading">
          <h2 id="blockers-heading">{t('mine.blockersTitle', { count: blockers.length })}</h2>
          <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {blockers.map((b) => (
              <li key={b.keyResultId}>
                <Link to={`/key-results/${b.keyResultId}`}><strong>{b.keyResultTitle}</strong></Link>{' '}
                <span className="small muted">· {b.objectiveTitle} · </span>
                <Link className="small" to={`/units/${b.unitId}?period=${b.periodId}`}>{b.unitName}</Link>
                <BlockerNote blocker={b} title={b.keyResultTitle} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
