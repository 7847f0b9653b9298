// Strings of the finished stage gates (issue 4): the refusal list with a fix link per unmet criterion, and
// the org's own activity types.
export const gatesFinishEn = {
  refusal: {
    lead: "It does not meet these entry criteria:",
    fix: {
      CHECKLIST: "Tick it with evidence",
      APPROVAL: "Request approval",
      ACTIVITY: "Log the activity",
      REQUIRED_FIELDS: "Fill in the fields",
      other: "Open the checklist",
    },
    fixFor: "{action}: {criterion}",
    createLead: "A deal created at this stage must meet these entry criteria. Create it at an earlier stage, then meet them on the deal page:",
  },
  activityTypes: {
    orgGroup: "Your organization's types",
  },
};
