import enUS from 'antd/locale/en_US';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { common } from './en/common';
import { dashboard } from './en/dashboard';
import { licenses } from './en/licenses';
import { operations } from './en/operations';
import { alerts } from './en/alerts';
import { parties } from './en/parties';
import { portal } from './en/portal';
import { delivery } from './en/delivery';

/**
 * Every string the app shows, in one place per language. A second language (Chinese is the likely
 * next one) is a copy of these files with the same keys plus antd's zh_CN locale.
 */
const en = {
  ...common,
  ...dashboard,
  ...licenses,
  ...operations,
  ...alerts,
  ...delivery,
  ...portal,
  ...parties,
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

interface Language {
  messages: Messages;
  antd: AntdLocale;
  /** BCP 47 tag for dates and numbers; undefined = the browser's own locale. */
  format: string | undefined;
}

const languages: Record<'en', Language> = {
  en: { messages: en, antd: enUS, format: undefined },
};

const current: Language = languages.en;

/** The message for a key, with `{name}` placeholders replaced. */
export function t(key: MessageKey, vars?: Record<string, string | number>): string {
  const text: string = current.messages[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

export const antdLocale = current.antd;

/** Dates and times in the user's locale. */
export function formatDate(value: string | undefined | null): string {
  if (!value) return '—';
  const date = value.length === 10 ? new Date(`${value}T00:00:00`) : new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleDateString(current.format, { dateStyle: 'medium' });
}

export function formatDateTime(value: string | undefined | null): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime())
    ? value
    : date.toLocaleString(current.format, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatNumber(value: number | undefined | null): string {
  return value === undefined || value === null ? '—' : value.toLocaleString(current.format);
}

export function formatMoney(
  amount: number | string | undefined | null,
  currency: string | undefined,
): string {
  if (amount === undefined || amount === null) return '—';
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (!currency) return formatNumber(value);
  try {
    return value.toLocaleString(current.format, { style: 'currency', currency });
  } catch {
    return `${formatNumber(value)} ${currency}`;
  }
}
