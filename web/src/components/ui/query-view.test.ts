import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { QueryView, type QueryLike } from './query-view';

const answered = <T>(data: T): QueryLike<T> => ({
  isPending: false,
  isError: false,
  error: null,
  data,
  refetch: () => undefined,
});

function render<T>(data: T, withEmpty = true): string {
  return renderToStaticMarkup(
    createElement(QueryView<T>, {
      query: answered(data),
      empty: withEmpty ? 'Chưa có gì' : undefined,
      children: () => 'the list',
    }),
  );
}

describe('QueryView', () => {
  it('shows the empty state for an empty list and for a list answer with no items', () => {
    expect(render([])).toBe('Chưa có gì');
    expect(render({ items: [], total: 0 })).toBe('Chưa có gì');
  });

  it('shows the data when the list has something in it, or when no empty state is given', () => {
    expect(render([1])).toBe('the list');
    expect(render({ items: [1], total: 1 })).toBe('the list');
    expect(render({ flag: true })).toBe('the list');
    expect(render([], false)).toBe('the list');
  });
});
