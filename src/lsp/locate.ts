/** Finding the syntax under a cursor: the block, the item, the shot item. */
import type * as A from '../core/syntax/ast.js';

export interface Located {
  block: A.Block | null;
  item: A.Item | null;
  shotItem: A.ShotItem | null;
}

const within = (span: { start: number; end: number }, offset: number): boolean => offset >= span.start && offset <= span.end;

export function locate(ast: A.File, offset: number): Located {
  let block: A.Block | null = null;
  for (const b of ast.blocks) {
    if (b.span.start > offset) break;
    block = b;
  }
  const items = block && offset >= block.span.start ? block.items : ast.items;
  let item: A.Item | null = null;
  for (const i of items) {
    if (within(i.span, offset)) {
      item = i;
      break;
    }
  }
  let shotItem: A.ShotItem | null = null;
  if (item?.kind === 'Shot') shotItem = item.items.find((si) => within(si.span, offset)) ?? null;
  return { block, item, shotItem };
}
