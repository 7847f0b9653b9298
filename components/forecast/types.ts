// Plain shapes the dashboard's client components receive from the server page.
export type DealWarningView = {
  opportunityId: string; opportunityName: string; ownerId: string; ownerName: string; stage: string; rule: string; severity: "high" | "medium" | "low";
  message: { en: string; "zh-CN": string };
};
