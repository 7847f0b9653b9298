// Password hashing with bcrypt (cost 11). Verification of an unknown email still runs one bcrypt
// comparison against a fixed hash, so "no such user" and "wrong password" take the same time.
import bcrypt from "bcryptjs";

const COST = 11;
let timingDummyHash: string | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  timingDummyHash ??= await bcrypt.hash("timing-equaliser", COST);
  const isMatch = await bcrypt.compare(password, hash ?? timingDummyHash);
  return Boolean(hash) && isMatch;
}
