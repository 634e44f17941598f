import { Typography } from 'antd';
import { describeError } from '../../components/SectionState';
import { PartyName, type Party, type useNames } from '../../domain/names';
import { t } from '../../i18n';

/**
 * A party's name (a link) from a `useNames` lookup; when the owning service is down, says the name
 * is unavailable rather than "Unknown" (and never shows the id). `fallback` is a name the record
 * itself carries (a deployment's engineer name).
 */
export function PartyNameOf({
  party,
  id,
  names,
  fallback,
}: {
  party: Party;
  id: string | null | undefined;
  names: ReturnType<typeof useNames>;
  fallback?: string;
}) {
  const name = names.nameOf(id) ?? fallback;
  if (id && !name && names.error) {
    return (
      <Typography.Text type="secondary" title={describeError(names.error).title}>
        {t('licenses.name.unavailable')}
      </Typography.Text>
    );
  }
  return <PartyName party={party} id={id} name={name} />;
}
