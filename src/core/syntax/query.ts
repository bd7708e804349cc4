/** Typed views over AST item lists (the AST keeps one ordered list per block). */
import type * as A from './ast.js';

type ItemOf<K extends A.Item['kind']> = Extract<A.Item, { kind: K }>;

export function itemsOfKind<K extends A.Item['kind']>(items: readonly A.Item[], kind: K): ItemOf<K>[] {
  return items.filter((i): i is ItemOf<K> => i.kind === kind);
}
export const sectionsOf = (items: readonly A.Item[]): A.Section[] => itemsOfKind(items, 'Section');
export const shotsOf = (clip: A.ClipBlock): A.Shot[] => itemsOfKind(clip.items, 'Shot');
export const castEntriesOf = (cast: A.CastBlock): A.CastEntry[] => itemsOfKind(cast.items, 'CastEntry');

export function clipsOf(file: A.File): A.ClipBlock[] {
  return file.blocks.filter((b): b is A.ClipBlock => b.kind === 'Clip');
}
export function looksOf(file: A.File): A.LookBlock[] {
  return file.blocks.filter((b): b is A.LookBlock => b.kind === 'Look');
}
export function castBlocksOf(file: A.File): A.CastBlock[] {
  return file.blocks.filter((b): b is A.CastBlock => b.kind === 'Cast');
}
export function attribute<K extends A.ClipAttribute['kind']>(clip: A.ClipBlock, kind: K): Extract<A.ClipAttribute, { kind: K }> | undefined {
  return clip.attributes.find((a): a is Extract<A.ClipAttribute, { kind: K }> => a.kind === kind);
}
/** The clip's source attribute: REMIX, EXTEND or EDIT. */
export function sourceOf(clip: A.ClipBlock): Extract<A.ClipAttribute, { kind: 'remix' | 'extend' | 'edit' }> | undefined {
  return clip.attributes.find((a): a is Extract<A.ClipAttribute, { kind: 'remix' | 'extend' | 'edit' }> => a.kind === 'remix' || a.kind === 'extend' || a.kind === 'edit');
}
