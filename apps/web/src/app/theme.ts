import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/*
 * Calm, high-contrast light theme. Mantine's stock palettes put the filled/light colours at shade 6,
 * which is below 4.5:1 against white for green, red and orange. These palettes are tuned so that
 * shade 7 (the primary shade used for filled buttons, light badges and links) stays ≥ 5.5:1 both
 * on white and on its own 10 % tint.
 */
const tillit: MantineColorsTuple = [
  '#e8f1f8',
  '#cfe1ef',
  '#a4c5e0',
  '#76a7d0',
  '#4f8dc2',
  '#3579b4',
  '#23669e',
  '#1a5687',
  '#134570',
  '#0c3457',
];
const green: MantineColorsTuple = [
  '#e8f5ec',
  '#cfe9d6',
  '#a3d5b0',
  '#74bf88',
  '#4ea868',
  '#369252',
  '#267d43',
  '#1d6936',
  '#16552b',
  '#0f3f1f',
];
const red: MantineColorsTuple = [
  '#fdeceb',
  '#f8d3d1',
  '#f0a8a4',
  '#e67b76',
  '#dc544e',
  '#cf3a34',
  '#b82f2a',
  '#9c2622',
  '#7d1e1b',
  '#5e1614',
];
const orange: MantineColorsTuple = [
  '#fff2e5',
  '#fde0c2',
  '#f8c086',
  '#f29f4b',
  '#ea841f',
  '#d4700d',
  '#b15c0a',
  '#8f4a08',
  '#723b06',
  '#552c05',
];

/** Texts that Mantine puts on its own controls; passed in so the theme follows the language. */
export interface ThemeLabels {
  close: string;
}

export const createAppTheme = (labels: ThemeLabels) =>
  createTheme({
    primaryColor: 'tillit',
    primaryShade: 7,
    colors: { tillit, green, red, orange },
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    headings: { fontWeight: '650' },
    defaultRadius: 'sm',
    focusRing: 'auto',
    cursorType: 'pointer',
    components: {
      // Status words must be read in full; Mantine would otherwise cut them with an ellipsis in narrow cells.
      Badge: {
        defaultProps: { variant: 'light', tt: 'none', radius: 'sm' },
        styles: { root: { minWidth: 'max-content' }, label: { overflow: 'visible' } },
      },
      Tooltip: { defaultProps: { withArrow: true } },
      // Almost every field is required, so optional ones say so in their label instead of required
      // ones carrying an asterisk; labels then read the same on screen, to screen readers and in tests.
      TextInput: { defaultProps: { withAsterisk: false } },
      PasswordInput: { defaultProps: { withAsterisk: false } },
      Textarea: { defaultProps: { withAsterisk: false } },
      Select: { defaultProps: { withAsterisk: false } },
      NumberInput: { defaultProps: { withAsterisk: false } },
      RadioGroup: { defaultProps: { withAsterisk: false } },
      Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
      // Icon-only close buttons need a name (axe: button-name).
      Notification: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Modal: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
      Drawer: { defaultProps: { closeButtonProps: { 'aria-label': labels.close } } },
    },
  });

/** Dimmed and error text default to shade 6 grey/red (about 3.3:1); WCAG AA needs 4.5:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-7)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': 'var(--mantine-color-tillit-7)',
    '--mantine-color-default-border': 'var(--mantine-color-gray-5)',
  },
  dark: {},
});
