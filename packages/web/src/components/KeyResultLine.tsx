// One key result as a row: title, progress against expected with its status, the facts (current
// value against the target, confidence, owner, age of the last check-in), sparkline and actions.
// On a desktop it is one tidy row; on a phone the same cells stack: the title across the full
// width, then the bar with its status, then the facts, then the actions (see .kr in styles.css).
import { Link } from 'wouter';
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
      <div className="kr-title">
        <Link to={`/key-results/${kr.id}`}>{kr.title}</Link>
        {context && <div className="kr-context">{context}</div>}
      </div>
      <div className="kr-status">
        <ProgressBar progress={kr.progress} expected={kr.expectedProgress} status={kr.trackStatus} reading={kr.reading} label={t('keyResult.progressOf', { title: kr.title })} />
        <TrackBadge status={kr.trackStatus} reading={kr.reading} />
      </div>
      <div className="kr-facts">
        <span><span className="muted">{t('keyResult.current')}:</span> <strong>{current}</strong> <span className="muted">({target})</span></span>
        <span className="confidence"><span className="muted">{t('keyResult.confidence')}:</span> {kr.confidence === null ? '–' : `${kr.confidence}/10`}</span>
        {owner && <span>{t('keyResult.ownerIs', { owner })}</span>}
        <span className="muted">{kr.currentAt ? t('keyResult.lastCheckIn', { age: ago(t, kr.currentAt) }) : t('keyResult.noCheckIn')}</span>
      </div>
      {(history || action) && (
        <div className="kr-actions">
          {history && <Sparkline values={history} />}
          {action}
        </div>
      )}
      {children}
    </li>
  );
}
