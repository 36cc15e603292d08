/**
 * One toolbar badge, two concerns that want it (issues 13 and 14). Compliance deadlines win:
 * a buyer request due within 12 h or overdue, or an unreported incident, is a promise of the
 * seller's policy with a legal clock; while any exists the badge shows that count in red. Otherwise
 * it shows the ship-by count (orders due today or overdue) in orange; otherwise nothing.
 */
export interface BadgeInputs {
  /** Compliance items needing action (0 = none). */
  complianceCount: number;
  /** The ship-by badge text ('' = none; "999+" above 999). */
  shipByText: string;
}

export interface BadgeLook {
  text: string;
  color: string;
}

export const COMPLIANCE_BADGE_COLOR = '#b3261e';
export const SHIP_BY_BADGE_COLOR = '#c2410c';

export function badgeLook({ complianceCount, shipByText }: BadgeInputs): BadgeLook {
  if (complianceCount > 0) return { text: String(complianceCount), color: COMPLIANCE_BADGE_COLOR };
  if (shipByText !== '') return { text: shipByText, color: SHIP_BY_BADGE_COLOR };
  return { text: '', color: SHIP_BY_BADGE_COLOR };
}
