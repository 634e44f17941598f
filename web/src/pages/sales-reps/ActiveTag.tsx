import { Tag } from 'antd';
import { t } from '../../i18n';

// Dark text on a light fill (above 7:1), like the license status tags.
const colors = {
  active: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
  inactive: { color: '#434343', background: '#f5f5f5', borderColor: '#d9d9d9' },
};

/** Whether a sales rep or reseller is active (can be named on new customers and licenses). */
export function ActiveTag({ active }: { active: boolean | undefined }) {
  const state = active === false ? 'inactive' : 'active';
  return (
    <Tag style={colors[state]} data-testid="active-state" data-active={String(active !== false)}>
      {t(state === 'active' ? 'parties.active' : 'parties.inactive')}
    </Tag>
  );
}
