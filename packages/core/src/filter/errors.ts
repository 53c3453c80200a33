// The two ways a filter is refused: it is not in the language (syntax), or it does not fit the
// object it is applied to (meaning).

/**
 * The text is not a filter. `offset` is 0-based; `line` and `column` are 1-based, in UTF-16 units.
 * @example try { parseFilter('email =') } catch (e) { if (e instanceof FilterSyntaxError) e.column } // 8
 */
export class FilterSyntaxError extends Error {
  override name = 'FilterSyntaxError';

  constructor(message: string, readonly offset: number, readonly line: number, readonly column: number) {
    super(message);
  }
}

/**
 * The filter does not type-check against an object, or cannot be printed; `field` is the path as
 * written.
 * @example new FilterError('firstName', 'unknown field firstName on companies')
 */
export class FilterError extends Error {
  override name = 'FilterError';

  constructor(readonly field: string, message: string) {
    super(message);
  }
}
