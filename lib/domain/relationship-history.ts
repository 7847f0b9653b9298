// Relationship over time: from the append-only history of degree changes, each contact's strongest degree
// (across all our people) as a step series, for the account's relationship chart.

export type DegreeChange = { contactId: string; userId: string; degree: number; at: Date };
export type DegreePoint = { at: Date; degree: number };

/**
 * One series per requested contact: a point whenever the contact's strongest held degree changes. Changes
 * are replayed oldest first, so the series for any moment equals what the org chart showed then.
 */
export function buildDegreeSeries(changes: readonly DegreeChange[], contactIds: readonly string[]): Map<string, DegreePoint[]> {
  const wanted = new Set(contactIds);
  const ordered = changes.filter((change) => wanted.has(change.contactId)).sort((a, b) => a.at.getTime() - b.at.getTime());
  const held = new Map<string, Map<string, number>>();
  const series = new Map<string, DegreePoint[]>(contactIds.map((id) => [id, []]));
  for (const change of ordered) {
    const byUser = held.get(change.contactId) ?? new Map<string, number>();
    byUser.set(change.userId, change.degree);
    held.set(change.contactId, byUser);
    const strongest = Math.max(0, ...byUser.values());
    const points = series.get(change.contactId)!;
    const last = points.at(-1);
    if (!last || last.degree !== strongest) points.push({ at: change.at, degree: strongest });
  }
  return series;
}
