// Options' five sections, by the ids their `#fragment` links use; plain data, so problems can name one.
import * as z from 'zod/mini';

export const OptionsSectionId = z.enum(['you', 'playbook', 'helpdesks', 'kudos', 'data']);
export type OptionsSectionId = z.infer<typeof OptionsSectionId>;

export const OPTIONS_SECTIONS = OptionsSectionId.options;

/** The section a `#fragment` names, or undefined for any other fragment. */
export function sectionOfHash(hash: string): OptionsSectionId | undefined {
  const parsed = OptionsSectionId.safeParse(hash.replace(/^#/, ''));
  return parsed.success ? parsed.data : undefined;
}
