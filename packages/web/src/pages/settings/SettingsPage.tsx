// Settings for admins: the organisation and its strategy, the unit tree, periods, people, and the audit trail.
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useMe } from '../../api/hooks';
import { ErrorState, Loading } from '../../components/States';
import { OrganisationSettings } from './OrganisationSettings';
import { UnitSettings } from './UnitSettings';
import { PeriodSettings } from './PeriodSettings';
import { PeopleSettings } from './PeopleSettings';

const AuditTrail = lazy(() => import('./AuditTrail').then((m) => ({ default: m.AuditTrail })));

export default function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isLoading) return <Loading />;
  if (!me.data?.person.isAdmin) return <ErrorState error={{ status: 403 }} messages={{ forbidden: t('controls.errors.adminsOnly') }} />;
  return (
    <div className="stack">
      <h1>{t('settings.title')}</h1>
      {/* min-width 0: as a grid item the tabs would grow to the widest table and widen the page on a phone. */}
      <Tabs className="tabs" style={{ minWidth: 0 }}>
        <TabList aria-label={t('settings.title')}>
          <Tab id="organisation">{t('settings.organisation')}</Tab>
          <Tab id="units">{t('settings.units')}</Tab>
          <Tab id="periods">{t('settings.periods')}</Tab>
          <Tab id="people">{t('settings.people')}</Tab>
          <Tab id="audit">{t('settings.audit')}</Tab>
        </TabList>
        <TabPanel id="organisation"><OrganisationSettings /></TabPanel>
        <TabPanel id="units"><UnitSettings /></TabPanel>
        <TabPanel id="periods"><PeriodSettings /></TabPanel>
        <TabPanel id="people"><PeopleSettings /></TabPanel>
        <TabPanel id="audit"><Suspense fallback={<Loading />}><AuditTrail /></Suspense></TabPanel>
      </Tabs>
    </div>
  );
}
