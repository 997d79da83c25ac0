import "server-only";
import bcrypt from "bcryptjs";

/** bcrypt, cost 10: ~60 ms per check here, slow enough for stolen hashes, quick enough for sign-in. */
const COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

/** A hash of a random password: compared against when the email is unknown, so both paths cost one bcrypt. */
export const UNKNOWN_USER_HASH = bcrypt.hashSync(`unknown-${Math.random()}-${Date.now()}`, COST);
