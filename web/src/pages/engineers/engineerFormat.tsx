import { Space, Tag, Typography } from 'antd';
import type { Role } from '../../auth/roles';
import { t } from '../../i18n';

/** Engineers are created and changed by admins only (the API refuses the others: 403). */
export const isAdmin = (roles: Role[]) => roles.includes('admin');

export function ActiveTag({ active }: { active: boolean | undefined }) {
  return active === false ? (
    <Tag data-testid="engineer-active" data-active="false">
      {t('engineers.status.inactive')}
    </Tag>
  ) : (
    <Tag
      data-testid="engineer-active"
      data-active="true"
      style={{ color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' }}
    >
      {t('engineers.status.active')}
    </Tag>
  );
}

export function SkillTags({ skills }: { skills: string[] | undefined }) {
  if (!skills?.length) return <Typography.Text type="secondary">{t('engineers.noSkills')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {skills.map((skill) => (
        <Tag key={skill} style={{ marginInlineEnd: 0 }}>
          {skill}
        </Tag>
      ))}
    </Space>
  );
}
