/** What a warning may be placed on from the case screen, and the warnings on one person of a case (for the people list). */
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { MARKER_TYPES, type MarkerType } from '../../../domain/vocabulary.ts';
import type { MarkerSubjectChoice } from './MarkerDialog.tsx';

/** The case itself, then its people whose records this computer holds, then its places. */
export function caseMarkerSubjects(view: Pick<CaseDetailView, 'case' | 'subjects' | 'places'>): MarkerSubjectChoice[] {
  const people = new Map<string, string>();
  for (const s of view.subjects) {
    if (s.displayName !== null && !people.has(s.personId)) {
      people.set(s.personId, s.displayName);
    }
  }
  return [
    { type: 'case', id: view.case.id, label: `This case (${view.case.reference})` },
    ...[...people].map(([id, name]): MarkerSubjectChoice => ({ type: 'person', id, label: name })),
    ...view.places.map((p): MarkerSubjectChoice => ({ type: 'location', id: p.id, label: p.address })),
  ];
}

/** The kinds of active warning on one person, staff safety first. */
export function personMarkerTypes(markers: CaseDetailView['markers'], personId: string): MarkerType[] {
  return subjectMarkerTypes(markers, 'person', personId);
}

/** The kinds of active warning on one place of the case, staff safety first. */
export function placeMarkerTypes(markers: CaseDetailView['markers'], locationId: string): MarkerType[] {
  return subjectMarkerTypes(markers, 'location', locationId);
}

function subjectMarkerTypes(markers: CaseDetailView['markers'], type: 'person' | 'location', id: string): MarkerType[] {
  const on = new Set(markers.filter((m) => m.subjectType === type && m.subjectId === id).map((m) => m.markerType));
  return MARKER_TYPES.filter((t) => on.has(t));
}
