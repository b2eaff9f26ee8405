/**
 * react-hook-form validated by a domain zod schema: the limits and rules are the ones the core and
 * server apply, stated once in domain/, and a refusal is worded beside the field (formIssueWords).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import { formIssueWords } from '../words/form-issue-words.ts';

/** A form over `schema`'s input, whose submit handler receives the schema's parsed output. */
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
): UseFormReturn<z.input<S>, unknown, z.output<S>> {
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema, { error: formIssueWords }),
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
}
