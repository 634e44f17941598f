import { useNames, type Party } from '../../domain/names';
import { PartyNameOf } from '../licenses/PartyNameOf';

/**
 * A party's name as a link that looks itself up. For ProDescriptions cells: pro-components memoizes
 * a cell and ignores a new `render` closure, so a name found after the first render would never
 * show if it came from the page's own `useNames`; this component follows the lookup itself (the
 * request is shared with the page's: same query key).
 */
export function LiveName({
  party,
  id,
  fallback,
}: {
  party: Party;
  id: string | undefined;
  fallback?: string;
}) {
  const names = useNames(party, [id]);
  return <PartyNameOf party={party} id={id} names={names} fallback={fallback} />;
}
