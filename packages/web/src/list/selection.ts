// Which records of a list are selected for a bulk action: ids picked one by one (a shift-click
// picks the range from the last one), or every record the list's filter matches, across pages
// not loaded yet. A new filter, sort or grouping starts with nothing selected.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

export interface Selection {
  /** Picked ids; when `isAllMatching`, the loaded rows (shown checked), not the whole target. */
  ids: ReadonlySet<string>;
  /** Every record matching the list's filter, loaded or not. */
  isAllMatching: boolean;
}

export interface SelectionControls extends Selection {
  /** Toggles one row; with `isRange`, sets every row from the last toggled one to this one alike. */
  toggle: (id: string, isRange: boolean) => void;
  /** Selects or clears every loaded row. */
  setLoaded: (isOn: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
  isSelected: (id: string) => boolean;
}

/**
 * @param order the loaded rows' ids, in the order they are shown (for ranges and "all loaded").
 * @param resetKey a change (another filter) clears the selection.
 */
export function useSelection(order: string[], resetKey: string): SelectionControls {
  const [state, setState] = useState<Selection>({ ids: new Set(), isAllMatching: false });
  const anchor = useRef<string | undefined>(undefined);
  const orderRef = useRef(order);
  orderRef.current = order;

  useEffect(() => {
    setState({ ids: new Set(), isAllMatching: false });
    anchor.current = undefined;
  }, [resetKey]);

  const toggle = useCallback((id: string, isRange: boolean) => {
    const rows = orderRef.current;
    const from = isRange && anchor.current ? rows.indexOf(anchor.current) : -1;
    anchor.current = id;
    setState((current) => {
      // Leaving "all matching": the loaded rows stay picked, minus the one toggled off.
      const ids = new Set(current.isAllMatching ? rows : current.ids);
      const isOn = !ids.has(id);
      const to = rows.indexOf(id);
      const range = from >= 0 && to >= 0 ? rows.slice(Math.min(from, to), Math.max(from, to) + 1) : [id];
      for (const rowId of range) {
        if (isOn) ids.add(rowId); else ids.delete(rowId);
      }
      return { ids, isAllMatching: false };
    });
  }, []);

  const setLoaded = useCallback((isOn: boolean) => setState({ ids: isOn ? new Set(orderRef.current) : new Set(), isAllMatching: false }), []);
  const selectAllMatching = useCallback(() => setState({ ids: new Set(orderRef.current), isAllMatching: true }), []);
  const clear = useCallback(() => {
    anchor.current = undefined;
    setState({ ids: new Set(), isAllMatching: false });
  }, []);

  return useMemo(() => ({
    ...state, toggle, setLoaded, selectAllMatching, clear,
    isSelected: (id: string) => state.isAllMatching || state.ids.has(id),
  }), [state, toggle, setLoaded, selectAllMatching, clear]);
}
