import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// antd's responsive components ask for matchMedia, which jsdom does not have.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

// Ant Design's tables and overflow menus observe their size.
class NoResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver ??= NoResizeObserver as unknown as typeof ResizeObserver;

// antd forms render slowly under jsdom on a busy 2-core machine: wait up to 10 s for what a
// test looks for (a bound, not a pause; a passing test still finishes as soon as it can).
configure({ asyncUtilTimeout: 10_000 });
