// The daily purge of the recycle bin: records deleted more than 30 days ago are removed for good, once per
// day across all app instances (the job runner's claim).
import "server-only";
import { dailyRunKey, registerJob } from "./job-runner";
import { purgeExpiredRecycleBin } from "./recycle-bin";

registerJob({
  name: "recycle-bin.purge",
  runKey: dailyRunKey,
  run: async (now) => {
    await purgeExpiredRecycleBin(now);
  },
});
