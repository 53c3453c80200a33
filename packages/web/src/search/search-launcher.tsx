// The way into the global search, always present in the header: a labelled button, and
// Ctrl-K / Cmd-K from anywhere (inputs included). The palette itself is a lazy chunk loaded
// on first open; closing it puts the focus back where it was.
import { Box, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { MagnifierIcon } from './magnifier-icon';

const SearchPalette = lazy(async () => ({ default: (await import('./search-palette')).SearchPalette }));

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function SearchLauncher() {
  const [isOpen, setOpen] = useState(false);
  // Mounted from the first open on, so that reopening is instant and keeps the last text.
  const [isLoaded, setLoaded] = useState(false);
  const returnTo = useRef<HTMLElement | null>(null);

  const open = useCallback(() => {
    if (!isOpen) returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setLoaded(true);
    setOpen(true);
  }, [isOpen]);
  const close = useCallback(() => {
    setOpen(false);
    const target = returnTo.current;
    // After the modal has gone, or its own focus handling wins.
    setTimeout(() => target?.isConnected && target.focus(), 0);
  }, []);
  useHotkeys([['mod+K', open]], []);

  return (
    <>
      <UnstyledButton onClick={open} aria-keyshortcuts="Control+K Meta+K" aria-haspopup="dialog"
        title={`Search (${isMac ? '⌘' : 'Ctrl'}+K)`} data-search-button
        style={{ display: 'flex', alignItems: 'center', gap: 8, border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-sm)', padding: '4px 10px', minHeight: 34, color: 'var(--mantine-color-gray-7)' }}>
        <MagnifierIcon />
        <Text size="sm" span>Search</Text>
        {/* The shortcut is told by aria-keyshortcuts; the button's name stays its visible word. */}
        <Box visibleFrom="sm" component="span" aria-hidden><Kbd size="xs">{isMac ? '⌘' : 'Ctrl'}</Kbd> <Kbd size="xs">K</Kbd></Box>
      </UnstyledButton>
      {isLoaded && (
        <Suspense fallback={null}>
          <SearchPalette opened={isOpen} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
