// Reading settings from environment variables with zod: each parser names its
// variable in the message, so a bad value says which setting to fix.
import { z } from 'zod';
import { InputError } from './errors.js';

/** The trimmed value, or undefined when unset or blank (a blank variable counts as unset). */
export const present = (value: string | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** An optional whole number within bounds; `fallback` when unset. */
export const wholeNumber = (variable: string, min: number, max: number, fallback: number) =>
  z
    .string()
    .optional()
    .transform((raw, context) => {
      const value = present(raw);
      if (value === undefined) return fallback;
      const parsed = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
        context.addIssue({
          code: z.ZodIssueCode.custom,
          message: `${variable} must be a whole number from ${min} to ${max}, got "${raw}"`,
        });
        return z.NEVER;
      }
      return parsed;
    });

/**
 * The base URL of an HTTP API, without a trailing slash (clients append their
 * routes, so a query or fragment is refused too); `example` shows a good value.
 */
export const httpBaseUrl = (variable: string, example = 'http://localhost:11434/v1') =>
  z.string().transform((raw, context) => {
    const value = raw.trim();
    let url: URL | undefined;
    try {
      url = new URL(value);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `${variable} must be an http(s) base URL such as ${example}, got "${raw}"`,
      });
      return z.NEVER;
    }
    return value.replace(/\/+$/, '');
  });

/** Values of a zod schema over environment variables; an InputError naming every bad variable otherwise. */
export function parseEnv<T extends z.ZodTypeAny>(schema: T, values: z.input<T>): z.output<T> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new InputError(parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}

/** Sent when no key is configured: local OpenAI-compatible servers need none, but the SDK requires one. */
export const PLACEHOLDER_API_KEY = 'geen-sleutel';

/** `<prefix>_API_KEY`, else OPENAI_API_KEY, else the placeholder. */
export function apiKeyFromEnv(env: NodeJS.ProcessEnv, prefix: string): string {
  return present(env[`${prefix}_API_KEY`]) ?? present(env.OPENAI_API_KEY) ?? PLACEHOLDER_API_KEY;
}
