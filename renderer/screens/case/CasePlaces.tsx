/** The case's places: each address with why it matters and its warnings' flag, and "Add a place" where the user may update the case. */
import { useId, useState } from 'react';
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { MarkerIndicator } from '../../components/MarkerIndicator.tsx';
import { placeMarkerTypes } from '../markers/marker-subjects.ts';
import { AddPlaceDialog } from './AddPlaceDialog.tsx';
import panelStyles from './CasePanel.module.css';

/** What the panel shows: the case's places and active warnings, and whether places may be added. */
export interface CasePlacesProps {
  caseId: string;
  places: CaseDetailView['places'];
  markers: CaseDetailView['markers'];
  mayAdd: boolean;
}

/** The panel, with the dialog while it is open. */
export function CasePlaces({ caseId, places, markers, mayAdd }: CasePlacesProps) {
  const id = useId();
  const [adding, setAdding] = useState(false);
  return (
    <section className={panelStyles.panel} aria-labelledby={`${id}-places`}>
      <h2 id={`${id}-places`} className={panelStyles.title}>
        Places
      </h2>
      {mayAdd && (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add a place
        </button>
      )}
      {places.length === 0 ? (
        <p className={panelStyles.empty}>No places are recorded on this case.</p>
      ) : (
        <ul className={panelStyles.list} data-testid="case-places">
          {places.map((p) => (
            <li key={p.id} className={panelStyles.item}>
              <span className={panelStyles.main}>{p.address}</span>
              <MarkerIndicator types={placeMarkerTypes(markers, p.id)} />
              <span className={panelStyles.meta}>{p.description}</span>
            </li>
          ))}
        </ul>
      )}
      {adding && <AddPlaceDialog caseId={caseId} placesOnCase={places.map((p) => p.id)} onClose={() => setAdding(false)} />}
    </section>
  );
}
