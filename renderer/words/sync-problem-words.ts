/** The words of the Sync problems screen: field names and values of a conflict, what a refused change was, and a merge's starting text. */
import { CaseStatusSchema, MarkerTypeSchema, ReportKindSchema, RiskLevelSchema, TaskStatusSchema } from '../../domain/vocabulary.ts';
import { CASE_STATUS_LABELS, MARKER_TYPE_LABELS, REPORT_KIND_LABELS, RISK_LEVEL_LABELS, TASK_STATUS_LABELS } from './display-labels.ts';

const FIELD_LABELS: Record<string, string> = {
  riskLevel: 'Risk level',
  status: 'Status',
  closureReason: 'Closure reason',
  title: 'Title',
  reviewDate: 'Review date',
  body: 'Text',
};

/** A field's name as people read it; a field this version does not know is shown as it came. */
export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** A field's value as people read it: labels for risk levels and statuses, "(none)" for no value. */
export function fieldValue(field: string, value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') {
    return '(none)';
  }
  if (field === 'riskLevel') {
    const risk = RiskLevelSchema.safeParse(value);
    return risk.success ? RISK_LEVEL_LABELS[risk.data] : value;
  }
  if (field === 'status') {
    const status = CaseStatusSchema.safeParse(value);
    return status.success ? CASE_STATUS_LABELS[status.data] : value;
  }
  return value;
}

/** "case" → "Case": what kind of record a conflict is about. */
export function entityLabel(entity: string): string {
  return entity === 'case' ? 'Case' : entity === 'task' ? 'Task' : entity === 'report' ? 'Report' : 'Record';
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** One line saying what a refused change would have done, from its mutation name and arguments. */
export function describeChange(name: string, args: Record<string, unknown>): string {
  switch (name) {
    case 'case.update': {
      const parts = Object.keys(FIELD_LABELS)
        .filter((field) => args[field] !== undefined)
        .map((field) => `${fieldLabel(field).toLowerCase()} to ${fieldValue(field, text(args[field]))}`);
      return parts.length > 0 ? `Change a case: ${parts.join(', ')}` : 'Change a case';
    }
    case 'case.create': {
      const title = text(args.title);
      return title ? `Open a case: “${title}”` : 'Open a case';
    }
    case 'report.create': {
      const kind = ReportKindSchema.safeParse(args.kind);
      const title = text(args.title);
      const what = kind.success ? REPORT_KIND_LABELS[kind.data].toLowerCase() : 'report';
      return title ? `Add a ${what}: “${title}”` : `Add a ${what}`;
    }
    case 'report.update': {
      const title = text(args.title);
      return title ? `Edit a report: title to “${title}”` : 'Edit a report’s text';
    }
    case 'task.create': {
      const title = text(args.title);
      return title ? `Add a task: “${title}”` : 'Add a task';
    }
    case 'task.update': {
      const status = TaskStatusSchema.safeParse(args.status);
      return status.success ? `Set a task to ${TASK_STATUS_LABELS[status.data].toLowerCase()}` : 'Change a task';
    }
    case 'task.addUpdate':
      return 'Add an update to a task';
    case 'marker.create': {
      const kind = MarkerTypeSchema.safeParse(args.markerType);
      return kind.success ? `Place a warning: ${MARKER_TYPE_LABELS[kind.data].toLowerCase()}` : 'Place a warning';
    }
    case 'marker.update':
      return args.expiresAt !== undefined && args.expiresAt !== null && Object.keys(args).length === 2 ? 'End a warning' : 'Change a warning';
    case 'person.create': {
      const person = args.person as Record<string, unknown> | undefined;
      const name = [text(person?.givenName), text(person?.familyName)].filter((n) => n !== null).join(' ');
      return name ? `Record a new person: ${name}` : 'Record a new person';
    }
    case 'case.addSubject':
      return 'Add a person to a case';
    case 'case.removeSubject':
      return 'Take a person off a case';
    case 'location.create': {
      const address = [text(args.addressLine), text(args.postcode)].filter((n) => n !== null).join(', ');
      return address ? `Record a place: ${address}` : 'Record a place';
    }
    case 'case.addLocation':
      return 'Add a place to a case';
    case 'document.upload': {
      const fileName = text(args.fileName);
      return fileName ? `Attach a file: “${fileName}”` : 'Attach a file';
    }
    case 'document.delete':
      return 'Delete a document';
    default:
      return 'A change';
  }
}

/**
 * The merge editor's starting text: the one side that has text, or both (theirs first, as the
 * server holds it now) when they differ, so nothing either person wrote is lost by default.
 */
export function mergeDraft(mine: string | null | undefined, theirs: string | null | undefined): string {
  const a = text(theirs)?.trim() ?? null;
  const b = text(mine)?.trim() ?? null;
  if (a === null || b === null || a === b) {
    return a ?? b ?? '';
  }
  return `${a}\n${b}`;
}
