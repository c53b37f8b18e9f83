import type { PathAnswer, PathDetails } from '@polku/contracts';
import { useCallback, useState } from 'react';
import type { CommandName } from '../commands/command-names';
import { ErrorBox } from '../shell/error-box';
import { useI18n } from '../shell/i18n-context';
import { PageHeading } from '../shell/page-heading';
import { useSession } from '../shell/session-context';
import { useLoad } from '../shell/use-load';
import { AsOfPicker } from './as-of-picker';
import { CommandsPanel } from './commands-panel';
import { DeadlinesList } from './deadlines-list';
import { PathHeader } from './path-header';
import { SavedStatus, type Saved } from './saved-status';
import { TimelineList } from './timeline-list';

/** One path: its facts, pending deadlines, the commands it allows now and its timeline. */
export function PathPage({ pathId }: { readonly pathId: string }) {
  const { t } = useI18n();
  const { api } = useSession();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const { loaded, reload, set } = useLoad(() => api.getPath(pathId, asOf), `${pathId}|${asOf ?? ''}`);
  const [saved, setSaved] = useState<Saved | null>(null);

  const onDone = useCallback(
    (answer: PathAnswer, command: CommandName) => {
      // Show the command's own answer at once, then fetch the timeline and deadlines it changed.
      if (loaded.state === 'ok') set({ ...loaded.data, path: answer.path, allowedCommands: answer.allowedCommands });
      setSaved((previous) => ({ command, seq: (previous?.seq ?? 0) + 1 }));
      void reload();
    },
    [loaded, set, reload],
  );

  if (loaded.state === 'loading') {
    return (
      <p role="status" data-testid="page-path-loading">
        {t('loading')}
      </p>
    );
  }
  if (loaded.state === 'error') {
    return (
      <ErrorBox testId="path-error" error={loaded.error} />
    );
  }
  const detail: PathDetails = loaded.data;
  return (
    <section className="page" data-testid="page-path" data-path-id={pathId}>
      <div className="title-row">
        <PageHeading>{t('pathTitle')}</PageHeading>
        <button type="button" data-testid="path-refresh" onClick={() => void reload()}>
          {t('refresh')}
        </button>
      </div>
      <AsOfPicker asOf={detail.asOf} onChange={setAsOf} />
      <PathHeader path={detail.path} identity={detail.identity} />
      <div className="columns">
        <div>
          <SavedStatus saved={saved} />
          {detail.asOf === null && <CommandsPanel key={detail.path.stage + detail.path.status} pathId={pathId} allowedCommands={detail.allowedCommands} onDone={onDone} />}
        </div>
        <div>
          <DeadlinesList items={detail.path.pendingItems} />
          <TimelineList timeline={detail.timeline} />
        </div>
      </div>
    </section>
  );
}
