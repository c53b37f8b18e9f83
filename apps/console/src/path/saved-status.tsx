import { useEffect, useRef } from 'react';
import type { CommandName } from '../commands/command-names';
import { useI18n } from '../shell/i18n-context';

/** One saved command; `seq` tells two saves of the same command apart. */
export interface Saved {
  readonly command: CommandName;
  readonly seq: number;
}

/**
 * "Saved: Exit path", announced (WCAG 4.1.3) and focused: the form that was sent is gone once
 * the path moves on, and the focus must not fall back to the page's start (WCAG 2.4.3). From
 * here Tab leads on to the commands now allowed.
 */
export function SavedStatus({ saved }: { readonly saved: Saved | null }) {
  const { t, dict } = useI18n();
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (saved) ref.current?.focus();
  }, [saved]);
  return (
    <p className="saved-status" role="status" tabIndex={-1} ref={ref} data-testid="path-saved" data-command={saved?.command}>
      {saved && `${t('saved')} ${dict.commands[saved.command]}`}
    </p>
  );
}
