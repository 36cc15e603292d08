/** `due-soon` → `dueSoon`: the type of `messageKey(value)`. */
export type MessageKey<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<MessageKey<T>>}` : S;

/**
 * Chrome refuses to load an extension whose message names hold anything but [A-Za-z0-9_@] (the
 * whole extension, worker included), so stored values such as `due-soon` name their UI string in
 * camelCase.
 */
export function messageKey<S extends string>(value: S): MessageKey<S> {
  return value.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()) as MessageKey<S>;
}
