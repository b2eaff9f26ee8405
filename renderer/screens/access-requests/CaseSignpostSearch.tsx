/**
 * "Ask for access to a case": a case reference looked up on the server. A case the user already sees
 * opens; a case they cannot see is a signpost naming its owner agency, from which they ask for access
 * with the same dialog as a person stub; a case hidden from search or unknown is simply not found.
 */
import { useEffect, useRef, useState } from 'react';
import type { CaseSignpost } from '../../../domain/http/access-request-routes.ts';
import { accessRequestRoutes } from '../../../domain/http/access-request-routes.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSchemaForm } from '../../api/use-schema-form.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { Field } from '../../components/Field.tsx';
import { accessRequestErrorMessage } from '../../words/access-request-words.ts';
import { RequestAccessDialog } from '../person/RequestAccessDialog.tsx';
import styles from './AccessRequests.module.css';

const ReferenceFormSchema = accessRequestRoutes.signpostCase.query;

export interface CaseSignpostSearchProps {
  onOpenCase: (caseId: string) => void;
  /** A request was sent (the list shows it). */
  onRequested: () => void;
}

/** The look-up form and what it found. */
export function CaseSignpostSearch({ onOpenCase, onRequested }: CaseSignpostSearchProps) {
  const api = useDesktopApi();
  const form = useSchemaForm(ReferenceFormSchema, { reference: '' });
  const [found, setFound] = useState<{ result: CaseSignpost } | null>(null);
  const [asking, setAsking] = useState(false);
  const [sent, setSent] = useState(false);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const lookUp = useSubmit(({ reference }: { reference: string }) => api['accessRequests.findCase']({ reference }), {
    onSuccess: (value) => {
      setFound(value);
      setSent(false);
    },
  });
  useEffect(() => {
    if (sent) {
      sentRef.current?.focus();
    }
  }, [sent]);
  const result = found?.result ?? null;
  return (
    <section className={styles.item} aria-labelledby="case-signpost-title" data-testid="case-signpost-search">
      <h2 id="case-signpost-title" className={styles.record}>
        Ask for access to a case
      </h2>
      <form className={styles.form} noValidate onSubmit={(event) => void form.handleSubmit((fields) => lookUp.submit(fields))(event)}>
        <Field label="Case reference" error={form.formState.errors.reference?.message}>
          <input className="field__input" autoComplete="off" {...form.register('reference')} />
        </Field>
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={lookUp.busy}>
            Find case
          </button>
        </div>
      </form>
      {lookUp.error && (
        <p className="form-error" role="alert">
          {accessRequestErrorMessage(lookUp.error)}
        </p>
      )}
      {found !== null && (
        <div role="status" data-testid="case-signpost">
          {result === null && <p>No case with that reference that you may ask for. Check the reference with the agency that gave it to you.</p>}
          {result?.view === 'visible' && (
            <p>
              You can already see case {result.reference}.{' '}
              <button type="button" className="button" onClick={() => onOpenCase(result.id)}>
                Open case {result.reference}
              </button>
            </p>
          )}
          {result?.view === 'signpost' && (
            <>
              <p>
                Case {result.reference} is held by {result.ownerAgency.name}. You cannot see it. Ask them for access.
              </p>
              {sent ? (
                <p ref={sentRef} tabIndex={-1}>
                  Request sent to {result.ownerAgency.name}. It is listed under your requests.
                </p>
              ) : (
                <button type="button" className="button button--primary" aria-label={`Request access to case ${result.reference}`} onClick={() => setAsking(true)}>
                  Request access
                </button>
              )}
            </>
          )}
        </div>
      )}
      {asking && result?.view === 'signpost' && (
        <RequestAccessDialog
          target={{ resourceType: 'case', id: result.id, displayName: result.reference, agencyNames: [result.ownerAgency.name] }}
          onClose={() => setAsking(false)}
          onSent={() => {
            setAsking(false);
            setSent(true);
            onRequested();
          }}
        />
      )}
    </section>
  );
}
