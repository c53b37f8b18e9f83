import type { TimelineEntry } from '@polku/contracts';
import { labelOf } from '../i18n/domain-labels';
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
          {newestFirst(timeline).map((entry) => (
            <tr key={entry.version} data-testid="timeline-item" data-type={entry.type}>
              <td>{labelOf(dict.events, entry.type)}</td>
              <td>{formatInstant(entry.occurredAt, lang)}</td>
              <td>{`${entry.actor.userId} (${entry.actor.role})`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
