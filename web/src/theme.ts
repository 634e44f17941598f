import type { ThemeConfig } from 'antd';

/** Colours chosen for WCAG AA contrast of text on white and white on colour. */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#1456d8',
    colorSuccess: '#237804',
    colorWarning: '#ad4e00',
    colorError: '#cf1322',
    colorInfo: '#1456d8',
    borderRadius: 6,
  },
};
