/**
 * What a module contributes to the vocabulary server and web share, kept in the module's own folder
 * (`packages/core/src/modules/<module>/`): its permissions with the roles that get them, its error
 * codes with their HTTP status, and its server texts (error messages, mail, labels) in Swedish and
 * English. `modules/registry.ts` lists every module with one line; `permissions.ts`, `errors.ts` and
 * `messages.ts` add them to the central vocabulary, so `Permission`, `ErrorCode` and the message
 * keys stay literal types. The module's API schemas are plain files beside it (`schemas.ts`,
 * imported as `@tillit/core/modules/<module>/schemas`) and need no registration.
 */
export interface CoreModule<P extends string = string, E extends string = string, M extends ModuleTexts = ModuleTexts> {
  name: string;
  /** Permission → the roles that hold it (versioned data: the module's `permissions.json`). */
  permissions: { readonly [K in P]: readonly string[] };
  /** Error code → HTTP status. Each needs a message in `messages.sv.errors` and `messages.en.errors`. */
  errors: { readonly [K in E]: number };
  messages: { sv: M; en: M };
}

/** A module's server texts: the same sections as core's `i18n/{sv,en}.json`, each optional. */
export interface ModuleTexts {
  errors?: Record<string, string>;
  mail?: Record<string, string>;
  labels?: Record<string, string>;
  [section: string]: Record<string, string> | undefined;
}

/**
 * Declares a module's core contribution. `permissions` is the module's `permissions.json` (its
 * `permissions` object); roles are checked against the role list when the vocabulary is built.
 * English must have exactly the Swedish keys (a type error otherwise, and `check-i18n` says which).
 */
export function defineCoreModule<const P extends string, const E extends string, M extends ModuleTexts>(module: {
  name: string;
  permissions?: { readonly [K in P]: readonly string[] };
  errors?: { readonly [K in E]: number };
  messages: { sv: M; en: NoInfer<M> };
}): CoreModule<P, E, M> {
  return { permissions: {} as CoreModule<P, E, M>['permissions'], errors: {} as CoreModule<P, E, M>['errors'], ...module };
}
