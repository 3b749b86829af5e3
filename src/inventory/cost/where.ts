// The billing APIs (Budgets, Cost Explorer, CUR, Data Exports) are global: one endpoint per partition, signed
// for its first region, whatever the audit's home region is.
export function billingRegion(homeRegion: string): string {
  if (homeRegion.startsWith('cn-')) return 'cn-northwest-1';
  if (homeRegion.startsWith('us-gov-')) return 'us-gov-west-1';
  return 'us-east-1';
}
