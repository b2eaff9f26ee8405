/**
 * The sharing dialog of a case, a report or a document: the choices (limited to the agreements and,
 * for a report or document, to its case), a plain-language summary that follows the choice, and
 * "Hidden from search" for a case. The change is compare-and-set: when someone else changed the
 * sharing meanwhile, the dialog shows what it is now beside the user's choice and lets them reapply
 * it or keep the current one. Nothing is ever overwritten silently.
 */
import { useState } from 'react';
import type { SharingAgency, SharingOwner } from '../../../domain/entities/sharing.ts';
import type { ErrorBody } from '../../../domain/errors.ts';
import type { PolicyCase } from '../../../domain/policy/case-policy.ts';
import type { Result } from '../../../domain/result.ts';
import type { SharingLevel } from '../../../domain/vocabulary.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { hiddenFromSearchWords, sharingErrorMessage, sharingSummary, type SharingChoice } from '../../words/sharing-words.ts';
import { SharingChoices } from './SharingChoices.tsx';
import { sharingOffer } from './sharing-options.ts';
import styles from './SharingDialog.module.css';

/**
 * The sharing as it stands: the choice, the search flag (cases only) and the version to change it
 * from (documents carry none: 0, and their change is compared with this sharing itself).
 */
export interface SharingCurrent extends SharingChoice {
  hiddenFromSearch?: boolean;
  version: number;
}

export interface SharingDialogProps {
  /** "this case", "this report". */
  what: string;
  title: string;
  levels: readonly (SharingLevel | 'case')[];
  owner: SharingOwner;
  agencies: readonly SharingAgency[];
  current: SharingCurrent;
  /** The case a report or document stays within, with its summary; null for a case. */
  bounds: { policy: PolicyCase; summary: string } | null;
  /** Why the user may only read the sharing, or null when they may change it. */
  readOnly: string | null;
  /** Saves the choice as a change from `known`, the sharing last read. */
  save: (choice: SharingChoice & { hiddenFromSearch?: boolean }, known: SharingCurrent) => Promise<Result<unknown>>;
  /** Reads the sharing again (after a conflict). */
  reload: () => Promise<SharingCurrent | null>;
  onClose: () => void;
  onSaved: (summary: string) => void;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((v, i) => v === [...b].sort()[i]);

/** Open while rendered. */
export function SharingDialog(props: SharingDialogProps) {
  const { what, title, levels, owner, agencies, current, bounds, readOnly, save, reload, onClose, onSaved } = props;
  const [choice, setChoice] = useState<SharingChoice>(current);
  const [hidden, setHidden] = useState(current.hiddenFromSearch ?? false);
  // The sharing as last read from the server: the version a change is made from.
  const [known, setKnown] = useState<SharingCurrent>(current);
  const [conflict, setConflict] = useState<SharingCurrent | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const offer = sharingOffer(levels, owner, agencies, bounds?.policy ?? null);
  const isCase = current.hiddenFromSearch !== undefined;
  const summaryOf = (c: SharingChoice) => sharingSummary(c, owner, agencies, bounds?.summary);
  const summary = summaryOf(choice);
  const unchanged = choice.sharingLevel === known.sharingLevel && (choice.sharingLevel !== 'shared'
    || (same(choice.agencyIds, known.agencyIds) && same(choice.teamIds, known.teamIds) && same(choice.userIds, known.userIds)))
    && hidden === (known.hiddenFromSearch ?? false) && conflict === null;

  async function apply(from: SharingCurrent) {
    setBusy(true);
    setError(null);
    const shared = choice.sharingLevel === 'shared';
    const sent = { sharingLevel: choice.sharingLevel, agencyIds: shared ? choice.agencyIds : [], teamIds: shared ? choice.teamIds : [], userIds: shared ? choice.userIds : [] };
    const result = await save(isCase ? { ...sent, hiddenFromSearch: hidden } : sent, from).catch((): Result<unknown> => ({ ok: false, error: { code: 'internal_error', message: 'The call failed.' } }));
    if (result.ok) {
      setBusy(false);
      onSaved(summary);
      return;
    }
    if (result.error.code === 'conflict') {
      // Someone changed it meanwhile: show what it is now, and keep the user's choice to reapply.
      const now = await reload().catch(() => null);
      setBusy(false);
      if (now !== null) {
        setConflict(now);
        setKnown(now);
        return;
      }
    }
    setBusy(false);
    setError(result.error);
  }

  function keepTheirs(now: SharingCurrent) {
    setChoice(now);
    setHidden(now.hiddenFromSearch ?? false);
    setConflict(null);
  }

  return (
    <ModalDialog title={title} onClose={onClose} dismissable={!busy}>
      <form className={styles.form} noValidate data-testid="sharing-dialog" onSubmit={(e) => { e.preventDefault(); void apply(known); }}>
        {readOnly !== null && <p className={styles.hint}>{readOnly}</p>}
        {readOnly === null && <SharingChoices what={what} offer={offer} choice={choice} disabled={busy || conflict !== null} onChange={setChoice} />}
        {readOnly === null && isCase && (
          <label className={styles.option}>
            <input type="checkbox" checked={hidden} disabled={busy || conflict !== null} onChange={(e) => setHidden(e.target.checked)} />
            Hidden from search
          </label>
        )}
        <p className={styles.summary} aria-live="polite" data-testid="sharing-summary">
          {summary}
          {isCase && <><br />{hiddenFromSearchWords(hidden)}</>}
        </p>
        {conflict !== null && (
          <div className={styles.conflict} role="alert" data-testid="sharing-conflict">
            <p><strong>Someone else changed who can see {what} while you were choosing.</strong></p>
            <p>It is now: {summaryOf(conflict)}{isCase ? `. ${hiddenFromSearchWords(conflict.hiddenFromSearch ?? false)}` : ''}</p>
            <p>Your choice: {summary}{isCase ? `. ${hiddenFromSearchWords(hidden)}` : ''}</p>
            <div className={styles.actions}>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => { setConflict(null); void apply(conflict); }}>
                Apply my choice
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => keepTheirs(conflict)}>
                Keep the current sharing
              </button>
            </div>
          </div>
        )}
        {error && (
          <p className="form-error" role="alert">
            {sharingErrorMessage(error)}
          </p>
        )}
        <div className={styles.actions}>
          {readOnly === null && (
            <button type="submit" className="button button--primary" disabled={busy || unchanged}>
              Save sharing
            </button>
          )}
          <button type="button" className="button" disabled={busy} onClick={onClose}>
            {readOnly === null ? 'Cancel' : 'Close'}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
