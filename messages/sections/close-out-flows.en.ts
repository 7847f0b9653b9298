// Strings of the close-out review where it is about no one stored deal: the table's bulk move to LOST and a
// deal created at LOST (the review's own field labels are the analysis section's).
export const closeOutFlowsEn = {
  bulk: {
    title: "Close-out review",
    hint: "Lost deals need their close-out review. This one is written for each of the {count} selected deals, in that deal's own move; a deal it cannot be written for stays where it is and is listed with the reason.",
  },
  create: {
    title: "Close-out review",
    hint: "A deal created as lost needs its close-out review, as a move to Lost does. The loss reason shown on the deal is the primary reason.",
  },
};
