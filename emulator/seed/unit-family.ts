// The shape of a unit family in the synthetic catalogue, and the small helpers the family tables share.

export interface UnitFamily {
  group: string;
  uom: string;
  codes: readonly (readonly [cu: string, description: string, installDollars: number])[];
  /** Share of the install price paid for removal / transfer; 0 = N/A for the whole family. */
  removal: number;
  transfer: number;
}

export const cross = <A, B>(as: readonly A[], bs: readonly B[]): [A, B][] =>
  as.flatMap((a) => bs.map((b): [A, B] => [a, b]));

export const CONDUCTOR_SIZES = ['#6', '#4', '#2', '1/0', '2/0', '3/0', '4/0', '336', '477', '795'] as const;
/** Wire gauges are written `#6` in descriptions but `6` in codes, as utilities do. */
export const bare = (size: string): string => size.replace('#', '');
export const sizeRank = (size: string): number =>
  CONDUCTOR_SIZES.indexOf(size as (typeof CONDUCTOR_SIZES)[number]) + 1;
