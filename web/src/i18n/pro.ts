import { enUSIntl } from '@ant-design/pro-components';

/**
 * Pro components' own texts (table toolbar, search form, pagination): they do not follow antd's
 * locale by themselves. Beside index.ts so a second language switches both. Kept out of index.ts,
 * which the small entry chunk loads.
 */
export const proIntl = enUSIntl;
