// One key result as a row: title, progress against expected, current value, confidence, the
// age of the last check-in, owner, sparkline, and the check-in button.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { ProgressReading, TrackStatus } from '@varde/core/rules';
import { ProgressBar } from './ProgressBar';
import { TrackBadge } from './TrackBadge';
import { Sparkline } from './Sparkline';
import { ago, number, valueWithMeasure } from '../i18n/format';

export interface KeyResultView {
  id: string; title: string; type: string; start: number; target: number; measure: string; current: number | null;
  currentAt: string | null; confidence: number | null; progress: number; expectedProgress: number; trackStatus: TrackStatus;
  reading?: ProgressReading | undefined;
}

export function KeyResultLine({ kr, owner, history, action, children, context }: {
  kr: KeyResultView; owner?: string | undefined; history?: readonly number[] | undefined; action?: ReactNode; children?: ReactNode; context?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const target = kr.type === 'milestone' ? t('keyResult.milestoneTarget')
    : t(`keyResult.targetText.${kr.type}`, { target: valueWithMeasure(lang, kr.target, kr.measure), start: number(lang, kr.start) });
  const current = kr.type === 'milestone' ? (kr.current === 1 ? t('keyResult.done') : t('keyResult.notDone')) : valueWithMeasure(lang, kr.current, kr.measure);
  return (
    <li className="kr">
      <div>
        <div className="kr-title"><Link to={`/key-results/${kr.id}`}>{kr.title}</Link></div>
        <div className="kr-meta">
          {context}
          <span>{target}</span>
          {owner && <span>{t('keyResult.ownerIs', { owner })}</span>}
        </div>
      </div>
      <ProgressBar progress={kr.progress} expected={kr.expectedProgress} status={kr.trackStatus} reading={kr.reading} label={t('keyResult.progressOf', { title: kr.title })} />
      <div className="small">
        <div><span className="muted">{t('keyResult.current')}:</span> <strong>{current}</strong></div>
        <div className="confidence">
          <span className="muted">{t('keyResult.confidence')}:</span> {kr.confidence === null ? '–' : `${kr.confidence}/10`}
        </div>
        <div className="muted">{kr.currentAt ? t('keyResult.lastCheckIn', { age: ago(t, kr.currentAt) }) : t('keyResult.noCheckIn')}</div>
      </div>
      <div className="row">
        {history && <Sparkline values={history} />}
        <TrackBadge status={kr.trackStatus} reading={kr.reading} />
        {action}
      </div>
      {children}
    </li>
  );
}
