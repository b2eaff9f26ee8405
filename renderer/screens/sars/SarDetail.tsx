/**
 * One request (#/sars/:id): who asked and when, the due date, each consultation's state (a withheld
 * part shows only its exemption ground), extending once, and the bundle to save once complete.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { SarDetail as SarDetailRecord } from '../../../domain/http/sar-routes.ts';
import { errorBodyOf } from '../../api/desktop-call-error.ts';
import { useDesktopMutation, useDesktopQuery } from '../../api/desktop-query.ts';
import { Page } from '../../components/Page.tsx';
import { RetryAlert } from '../../components/RetryAlert.tsx';
import { formatDate } from '../../words/format-date-time.ts';
import { SAR_CONSULTATION_LABELS, SAR_EXEMPTION_LABELS, SAR_RELATION_LABELS, SAR_TIMELINESS_LABELS, sarDueNote } from '../../words/sar-words.ts';
import { ExtendSarForm } from './ExtendSarForm.tsx';
import { MutationError } from './MutationError.tsx';
import { saveSarBundle } from './save-sar-bundle.ts';
import styles from './Sars.module.css';

/** The request's id, where Back goes, and where its own part is redacted. */
export interface SarDetailProps {
  sarId: string;
  onBack: () => void;
  onRedact: () => void;
}

/** Loads the request; the bundle is generated on the server and saved as two files. */
export function SarDetail({ sarId, onBack, onRedact }: SarDetailProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const query = useDesktopQuery('sars.get', { sarId }, { staleTime: 0, gcTime: 0 });
  const [fresh, setFresh] = useState<SarDetailRecord | null>(null);
  const bundle = useDesktopMutation('sars.bundle');
  const close = useDesktopMutation('sars.close');
  useEffect(() => {
    heading.current?.focus();
  }, [query.data]);
  const sar = fresh ?? query.data;
  const failure = errorBodyOf(query.error);
  return (
    <Page aria-labelledby={`${id}-title`} aria-busy={query.isFetching} data-testid="sar-detail">
      <div className="form-actions"><button type="button" className="button" onClick={onBack}>← Back to requests</button></div>
      <h1 id={`${id}-title`} ref={heading} tabIndex={-1}>{sar ? `Request ${sar.reference}` : 'Subject access request'}</h1>
      {failure && <RetryAlert error={failure} onRetry={() => void query.refetch()} className="empty-state" />}
      {sar && (
        <>
          <dl className={styles.itemFields}>
            <dt>About</dt><dd>{sar.person.name}</dd>
            <dt>Requester</dt><dd>{sar.requester.name} ({SAR_RELATION_LABELS[sar.requester.relation]})</dd>
            <dt>Reply to</dt><dd>{sar.requester.contact}</dd>
            <dt>Received</dt><dd>{formatDate(sar.receivedOn)}</dd>
            <dt>Due</dt>
            <dd data-testid="sar-due">
              {formatDate(sar.dueOn)} — {SAR_TIMELINESS_LABELS[sar.timeliness]}{sar.extension ? ` (extended from ${formatDate(sar.firstDueOn)}: ${sar.extension.reason})` : ''}
              {sarDueNote(sar) && <><br />{sarDueNote(sar)}</>}
            </dd>
          </dl>
          <section className={styles.section} aria-labelledby={`${id}-consultations`}>
            <h2 id={`${id}-consultations`}>Other agencies consulted</h2>
            {sar.consultationStates.length === 0
              ? <p className="empty-state">No other agency owns records your agency holds about this person.</p>
              : (
                <table className="data-table" aria-labelledby={`${id}-consultations`}>
                  <thead><tr><th scope="col">Agency</th><th scope="col">Answer</th><th scope="col">Answered</th></tr></thead>
                  <tbody>
                    {sar.consultationStates.map((c) => (
                      <tr key={c.id} data-testid="consultation-state">
                        <td>{c.agency.name}</td>
                        <td>{SAR_CONSULTATION_LABELS[c.status]}{c.exemption ? `: ${SAR_EXEMPTION_LABELS[c.exemption]}` : ''}</td>
                        <td>{c.decidedAt ? formatDate(c.decidedAt) : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
          </section>
          {sar.status === 'open' && sar.extension === null && <ExtendSarForm sar={sar} onExtended={setFresh} />}
          <section className={styles.section} aria-labelledby={`${id}-bundle`}>
            <h2 id={`${id}-bundle`}>The bundle</h2>
            <p className={styles.intro}>
              {sar.complete
                ? 'Every consulted agency has answered. The bundle holds what your agency holds, with other people’s names redacted, and each released part as released. To disclose a name, leave records out or redact passages first, redact your part.'
                : 'The bundle can be made once every consulted agency has answered.'}
            </p>
            <MutationError error={bundle.error} />
            {bundle.data && <p role="status">Saved {bundle.data.fileBaseName}.json and {bundle.data.fileBaseName}.pdf ({bundle.data.pages} pages).</p>}
            <div className="form-actions">
              <button type="button" className="button" onClick={onRedact}>Redact your part…</button>
              <button type="button" className="button button--primary" disabled={!sar.complete || bundle.isPending}
                onClick={() => bundle.mutate({ sarId: sar.id, redactions: { discloseThirdParties: [], omitRecords: [], redactTexts: [] } }, { onSuccess: saveSarBundle })}>
                Generate and save the bundle
              </button>
            </div>
          </section>
          <section className={styles.section} aria-labelledby={`${id}-close`}>
            <h2 id={`${id}-close`}>Close the request</h2>
            {sar.status === 'closed'
              ? <p role="status">This request is closed.</p>
              : (
                <>
                  <p className={styles.intro}>Close it once the requester has their answer, or if they withdraw it. It leaves the open list.</p>
                  <MutationError error={close.error} />
                  <div className="form-actions">
                    <button type="button" className="button" disabled={close.isPending}
                      onClick={() => close.mutate({ sarId: sar.id, expectedVersion: sar.version }, { onSuccess: setFresh })}>Close the request</button>
                  </div>
                </>
              )}
          </section>
        </>
      )}
    </Page>
  );
}
