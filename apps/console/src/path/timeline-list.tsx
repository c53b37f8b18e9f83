import type { TimelineEntry } from '../api/api.types';
import { formatInstant } from '../i18n/format';
import { useI18n } from '../shell/i18n-context';
import { newestFirst } from './deadlines';

export function TimelineList({ timeline }: { readonly timeline: readonly TimelineEntry[] }) {
  const { t, dict, lang } = useI18n();
  return (
    <section data-testid="path-timeline">
      <h2>{t('timelineTitle')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t('colEvent')}</th>
            <th>{t('colDate')}</th>
            <th>{t('colActor')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst(timeline).map((entry, index) => (
            <tr key={`${entry.version ?? index}-${entry.type}`} data-testid="timeline-item" data-type={entry.type}>
              <td>{dict.events[entry.type] ?? entry.type}</td>
              <td>{formatInstant(entry.occurredAt, lang)}</td>
              <td>{entry.actor ? `${entry.actor.userId} (${entry.actor.role})` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
