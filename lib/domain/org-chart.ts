// The customer's org chart (组织架构图): reporting lines between contacts of one account. Pure rules: a
// reports-to change may not close a cycle, and the flat contact list becomes a nested tree. lib/data checks
// the cycle rule inside the transaction that writes the change, so concurrent edits cannot slip one in.

/** Would making `contactId` report to `managerId` close a loop? `managerOf` maps each contact to its manager. */
export function wouldCreateCycle(managerOf: ReadonlyMap<string, string | null>, contactId: string, managerId: string | null): boolean {
  if (managerId === null) return false;
  const seen = new Set<string>();
  let current: string | null = managerId;
  while (current !== null) {
    if (current === contactId) return true;
    // Stored data is cycle-free; the guard only stops an endless walk should it ever not be.
    if (seen.has(current)) return false;
    seen.add(current);
    current = managerOf.get(current) ?? null;
  }
  return false;
}

export type OrgChartInput = { id: string; name: string; reportsToId: string | null };
export type OrgTreeNode<T extends OrgChartInput> = T & { reports: OrgTreeNode<T>[] };

const byName = (a: OrgChartInput, b: OrgChartInput) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

/**
 * Nests contacts under their managers, alphabetically. A contact whose manager is not in the list (another
 * account, removed) is a root. Iterative, so a 300-deep chain does not exhaust the stack.
 */
export function buildOrgTree<T extends OrgChartInput>(contacts: readonly T[]): OrgTreeNode<T>[] {
  const nodes = new Map<string, OrgTreeNode<T>>(contacts.map((contact) => [contact.id, { ...contact, reports: [] }]));
  const roots: OrgTreeNode<T>[] = [];
  for (const node of [...nodes.values()].sort(byName)) {
    const manager = node.reportsToId ? nodes.get(node.reportsToId) : undefined;
    if (manager && manager !== node) manager.reports.push(node);
    else roots.push(node);
  }
  // Should stored data ever hold a loop, its members are unreachable from any root: lift one of each loop up.
  const reached = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const node = stack.pop()!;
    reached.add(node.id);
    stack.push(...node.reports);
  }
  for (const node of [...nodes.values()].sort(byName)) {
    if (reached.has(node.id)) continue;
    const manager = node.reportsToId ? nodes.get(node.reportsToId) : undefined;
    if (manager) manager.reports = manager.reports.filter((report) => report !== node);
    roots.push(node);
    const walk = [node];
    while (walk.length) {
      const next = walk.pop()!;
      reached.add(next.id);
      walk.push(...next.reports.filter((report) => !reached.has(report.id)));
    }
  }
  return roots;
}

/** The contacts below `contactId` (its reports, their reports …): none of them may become its manager. */
export function listDescendants(contacts: readonly OrgChartInput[], contactId: string): Set<string> {
  const reportsOf = new Map<string, string[]>();
  for (const contact of contacts) {
    if (contact.reportsToId) reportsOf.set(contact.reportsToId, [...(reportsOf.get(contact.reportsToId) ?? []), contact.id]);
  }
  const descendants = new Set<string>();
  const stack = [...(reportsOf.get(contactId) ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (descendants.has(id) || id === contactId) continue;
    descendants.add(id);
    stack.push(...(reportsOf.get(id) ?? []));
  }
  return descendants;
}
