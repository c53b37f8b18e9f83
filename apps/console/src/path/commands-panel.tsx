import type { ApiErrorBody, PathAnswer } from '@polku/contracts';
import { COMMAND_FORMS } from '../commands/command-forms';
import { knownCommands, type CommandName } from '../commands/command-names';
import { FieldsForm } from '../forms/fields-form';
import { useI18n } from '../shell/i18n-context';
import { useSession } from '../shell/session-context';

interface Props {
  readonly pathId: string;
  readonly allowedCommands: readonly string[];
  readonly onDone: (answer: PathAnswer, command: CommandName) => void;
}

/** A form for each command in `allowedCommands`, and only those. */
export function CommandsPanel({ pathId, allowedCommands, onDone }: Props) {
  const { t } = useI18n();
  const { known, unknown } = knownCommands(allowedCommands);
  return (
    <section data-testid="path-commands">
      <h2>{t('actionsTitle')}</h2>
      {known.length === 0 && <p data-testid="commands-empty">{t('noActions')}</p>}
      {known.map((command) => (
        <CommandForm key={command} pathId={pathId} command={command} onDone={onDone} />
      ))}
      {unknown.length > 0 && (
        <p className="hint" data-testid="commands-unknown">
          {t('unknownCommands')} {unknown.join(', ')}
        </p>
      )}
    </section>
  );
}

function CommandForm({ pathId, command, onDone }: { readonly pathId: string; readonly command: CommandName; readonly onDone: Props['onDone'] }) {
  const { t, dict } = useI18n();
  const { api } = useSession();
  async function send(body: Record<string, unknown>): Promise<ApiErrorBody | null> {
    const answer = await api.sendCommand(pathId, command, body);
    if (!answer.ok) return answer.error;
    onDone(answer.data, command);
    return null;
  }
  return (
    <details className="command" data-testid={`command-${command}`}>
      <summary data-testid={`command-${command}-open`}>{dict.commands[command]}</summary>
      <FieldsForm id={command} form={COMMAND_FORMS[command]} submitLabel={t('send')} onSubmit={send} />
    </details>
  );
}
