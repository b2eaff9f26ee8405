/** "Edit" beside a report the user may edit (its author): opens the edit dialog; focus returns here when it closes. */
import { useState } from 'react';
import { EditReportDialog } from './EditReportDialog.tsx';

export function EditReportButton({ reportId, reportTitle }: { reportId: string; reportTitle: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button" aria-label={`Edit ${reportTitle}`} onClick={() => setOpen(true)}>
        Edit
      </button>
      {open && <EditReportDialog reportId={reportId} onClose={() => setOpen(false)} />}
    </>
  );
}
