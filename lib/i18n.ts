/**
 * Message catalogue lookup. Every sentence the kit prints lives in
 * `locales/<lang>/messages.json`; code refers to it by key, so a translated
 * edition only adds a folder.
 *
 * @module
 */
import en from "../locales/en/messages.json" with { type: "json" };

/** A catalogue: message key → template with `{name}` placeholders. */
export type Catalogue = Record<string, string>;

let active: Catalogue = en;

/**
 * Replaces the active catalogue; keys it lacks fall back to English.
 *
 * @param catalogue The translated messages.
 */
export function useCatalogue(catalogue: Catalogue): void {
  active = { ...en, ...catalogue };
}

/**
 * Values for a message's placeholders. `undefined` is not allowed: a value
 * that may be missing must be handled before the message is made, so no
 * message reaches the learner with a `{placeholder}` left in it.
 */
export type MessageVars = Readonly<Record<string, string | number | boolean | null>>;

/** The `{name}` placeholders of a template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
}

/**
 * Fills in a message template.
 *
 * @param key The message key, e.g. `"mismatch.shape"`.
 * @param vars Values for the `{name}` placeholders.
 * @returns The message; an unknown key is returned as it is, so a missing
 *   translation shows up instead of crashing.
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { t } from "./i18n.ts";
 * assert.equal(t("mismatch.at", { path: "[0]" }), " at [0]");
 * ```
 */
export function t(key: string, vars: MessageVars = {}): string {
  const template = active[key] ?? (en as Catalogue)[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = (vars as Record<string, unknown>)[name];
    return v === undefined ? whole : String(v);
  });
}
