/**
 * Redacting the agency's own part before the bundle (#/sars/:id/redact, docs/audit.md): the records
 * the agency holds about the person, live and unredacted, with the choices — disclose a third party,
 * leave records out, redact passages — each with a reason the server records; then the bundle is
 * generated with them and saved.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation, useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { MutationError } from './MutationError.tsx';
import { PartItems } from './PartItems.tsx';
import { RedactionFields } from './RedactionFields.tsx';
import { NO_CHOICES, redactionsOf, toggledOmit, type RedactionChoices } from './sar-redaction-choices.ts';
import { saveSarBundle } from './save-sar-bundle.ts';
import styles from './Sars.module.css';

/** The request's id and where Back goes. */
export interface OwnPartRedactionProps {
  sarId: string;
  onBack: () => void;
}

/** Loads the request and its own part; generating sends the choices with the bundle request. */
export function OwnPartRedaction({ sarId, onBack }: OwnPartRedactionProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const sar = useDesktopQuery('sars.get', { sarId }, { staleTime: 0, gcTime: 0 });
  const part = useDesktopQuery('sars.ownPart', { sarId }, { staleTime: 0, gcTime: 0 });
  const bundle = useDesktopMutation('sars.bundle');
  const [choices, setChoices] = useState<RedactionChoices>(NO_CHOICES);
  useEffect(() => {
    heading.current?.focus();
  }, [sar.data]);
  const failure = errorBodyOf(sar.error) ?? errorBodyOf(part.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    bundle.mutate({ sarId, redactions: redactionsOf(choices) }, { onSuccess: saveSarBundle });
  };
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={sar.isFetching || part.isFetching} data-testid="sar-redact">
      <div className="form-actions"><button type="button" className="button" onClick={onBack}>← Back to the request</button></div>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>{sar.data ? `Redact your part of ${sar.data.reference}` : 'Redact your part'}</h1>
      {failure && <RetryAlert error={failure} onRetry={() => void Promise.all([sar.refetch(), part.refetch()])} className="empty-state" />}
      {sar.data && part.data && (
        <>
          <section className={styles.section} aria-labelledby={`${id}-records`}>
            <h2 id={`${id}-records`}>What your agency holds about {sar.data.person.name}</h2>
            <p className={styles.intro}>As it stands now, before any redaction. The bundle also holds each part other agencies released, exactly as released.</p>
            <PartItems items={part.data.items} omitted={choices.omitted} onToggleOmit={(key) => setChoices((c) => toggledOmit(c, key))} />
          </section>
          <form className={styles.form} onSubmit={submit} aria-labelledby={`${id}-redact`}>
            <h2 id={`${id}-redact`}>Redactions</h2>
            <RedactionFields thirdParties={part.data.thirdParties} choices={choices} onChange={setChoices} />
            {!sar.data.complete && <p className={styles.intro}>The bundle can be made once every consulted agency has answered.</p>}
            <MutationError error={bundle.error} />
            {bundle.data && <p role="status">Saved {bundle.data.fileBaseName}.json and {bundle.data.fileBaseName}.pdf ({bundle.data.pages} pages).</p>}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={!sar.data.complete || bundle.isPending}>Generate and save the bundle with these redactions</button>
            </div>
          </form>
        </>
      )}
    </Page>
  );
}
