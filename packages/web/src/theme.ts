// The app's Mantine theme, tuned so that text meets WCAG 2 AA contrast (4.5:1) on the
// backgrounds it is drawn on (white, gray-0/1 panels, the light variant's tint).
// Mantine's defaults fall short in a few places: indigo-6 on white is 4.3:1, the dimmed
// gray-6 3.3:1, the error red-6 3.3:1, and the light variant's text (shade 9 on shade 1) of
// green, orange, yellow and teal 2.7–4.3:1. Ratios by the WCAG 2.1 formula (relative luminance,
// § 1.4.3); checked in the browser by test/accessibility.e2e.test.ts with axe-core.
import { createTheme, DEFAULT_THEME, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A palette whose darkest shade is replaced, so that its light-variant text reads on its tint. */
function withDarkest(name: keyof typeof DEFAULT_THEME.colors, darkest: string): MantineColorsTuple {
  const shades = [...DEFAULT_THEME.colors[name]];
  shades[9] = darkest;
  return shades as unknown as MantineColorsTuple;
}

export const theme = createTheme({
  primaryColor: 'indigo',
  // indigo-8: 5.7:1 on white, 5.0:1 on indigo-0 (a selected row).
  primaryShade: { light: 8, dark: 8 },
  // Filled buttons and badges take black or white text, whichever reads on their colour. Black
  // and white read equally well at a luminance of 0.18; at 0.19, red-8 (0.183) keeps its white
  // text (4.5:1) while green, orange, teal and cyan take black (4.8–6.1:1 instead of 3.5–4.4:1).
  autoContrast: true,
  luminanceThreshold: 0.19,
  defaultRadius: 'sm',
  // Every dialog's and dismissable alert's close button has a name (axe: button-name). Plain
  // objects rather than Modal.extend(): the theme must not pull these into the first load.
  components: {
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Alert: { defaultProps: { closeButtonLabel: 'Dismiss' } },
    // A table wider than the screen scrolls sideways; the keyboard can scroll it too, even when
    // nothing inside it takes the focus (a read-only permission grid) — WCAG 2.1.1.
    TableScrollContainer: { defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } } },
  },
  colors: {
    // gray-6 is the dimmed text: #63696f reads at 4.7:1 on gray-2 and 5.6:1 on white.
    gray: [...DEFAULT_THEME.colors.gray.slice(0, 6), '#63696f', ...DEFAULT_THEME.colors.gray.slice(7)] as unknown as MantineColorsTuple,
    green: withDarkest('green', '#267937'),
    orange: withDarkest('orange', '#b63c0d'),
    yellow: withDarkest('yellow', '#a65600'),
    teal: withDarkest('teal', '#087756'),
    red: withDarkest('red', '#c12828'),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Error messages under inputs: red-9 (5.8:1 on white) rather than red-6.
  light: { '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: {},
});
