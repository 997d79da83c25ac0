import "server-only";
import { clearHits, countHits, recordHit } from "../redis/rate-limit";

/** Failed sign-ins allowed per account and per client address in a 15-minute window. */
export const SIGN_IN_LIMITS = { account: 10, address: 50, windowSeconds: 900 } as const;

export async function signInAllowed(email: string, address: string): Promise<boolean> {
  try {
    const [account, client] = await Promise.all([countHits("sign-in-account", email), countHits("sign-in-address", address)]);
    return account < SIGN_IN_LIMITS.account && client < SIGN_IN_LIMITS.address;
  } catch {
    return true; // Redis down: sign-in still works (bcrypt's cost still slows guessing)
  }
}

export async function recordSignInFailure(email: string, address: string): Promise<void> {
  await Promise.all([
    recordHit("sign-in-account", email, SIGN_IN_LIMITS.windowSeconds),
    recordHit("sign-in-address", address, SIGN_IN_LIMITS.windowSeconds),
  ]).catch(() => undefined);
}

export const clearSignInFailures = (email: string) => clearHits("sign-in-account", email);
