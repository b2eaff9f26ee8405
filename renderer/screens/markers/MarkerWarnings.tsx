/**
 * The warnings of a case or person with what the user may do about them: "Add a warning", and on each
 * warning the user's agency placed, "Edit", "Mark reviewed" and "End now". Every change is saved on this
 * computer and sent at the next sync, so it works offline.
 */
import { useState } from 'react';
import { MarkerBanner } from '../../components/MarkerBanner.tsx';
import { MARKER_TYPE_LABELS } from '../../words/display-labels.ts';
import { EndMarkerDialog } from './EndMarkerDialog.tsx';
import { MarkerDialog, type MarkerSubjectChoice, type ShownMarker } from './MarkerDialog.tsx';
import { ReviewMarkerDialog } from './ReviewMarkerDialog.tsx';
import styles from './MarkerWarnings.module.css';

export interface MarkerWarningsProps {
  markers: readonly ShownMarker[];
  /** What a new warning may be placed on (the first is the default); none offers no "Add a warning". */
  placeOn: readonly MarkerSubjectChoice[];
}

type Open = { kind: 'none' } | { kind: 'place' } | { kind: 'edit' | 'review' | 'end'; marker: ShownMarker };

/** The banner and its actions. */
export function MarkerWarnings({ markers, placeOn }: MarkerWarningsProps) {
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [saved, setSaved] = useState(false);
  const close = () => setOpen({ kind: 'none' });
  const done = () => {
    setOpen({ kind: 'none' });
    setSaved(true);
  };
  const start = (next: Open) => {
    setSaved(false);
    setOpen(next);
  };
  return (
    <div className={styles.warnings}>
      <MarkerBanner
        markers={[...markers]}
        renderActions={(m) =>
          m.editable && (
            <div className={styles.actions} role="group" aria-label={`${MARKER_TYPE_LABELS[m.markerType]} warning actions`}>
              <button type="button" className="button" onClick={() => start({ kind: 'edit', marker: m })}>
                Edit
              </button>
              <button type="button" className="button" onClick={() => start({ kind: 'review', marker: m })}>
                Mark reviewed
              </button>
              <button type="button" className="button" onClick={() => start({ kind: 'end', marker: m })}>
                End now
              </button>
            </div>
          )
        }
      />
      {placeOn.length > 0 && (
        <div className={styles.add}>
          <button type="button" className="button" onClick={() => start({ kind: 'place' })}>
            Add a warning
          </button>
        </div>
      )}
      {saved && (
        <p className="form-saved" role="status">
          Warning saved on this computer. It is sent to the server at the next sync.
        </p>
      )}
      {open.kind === 'place' && <MarkerDialog mode="place" subjects={placeOn} onClose={close} onSaved={done} />}
      {open.kind === 'edit' && <MarkerDialog mode="edit" marker={open.marker} onClose={close} onSaved={done} />}
      {open.kind === 'review' && <ReviewMarkerDialog marker={open.marker} onClose={close} onSaved={done} />}
      {open.kind === 'end' && <EndMarkerDialog marker={open.marker} onClose={close} onSaved={done} />}
    </div>
  );
}
