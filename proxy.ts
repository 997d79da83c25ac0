import { NextResponse, type NextRequest } from "next/server";
import { OPEN_PATHS, mayRead, readNeedsSignIn } from "@/lib/auth/read-gate";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** READ_ACCESS=signed-in: pages send anonymous visitors to sign in, APIs answer 401. Public read (the default) passes everything. */
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (!readNeedsSignIn() || OPEN_PATHS.some((pattern) => pattern.test(path))) return NextResponse.next();
  const session = SESSION_COOKIES.map((name) => request.cookies.get(name)?.value).find(Boolean);
  const allowed = await mayRead(session, request.headers.get("authorization")).catch((error: unknown) =>
    error instanceof Error ? error : new Error(String(error)),
  );
  // Who is asking cannot be checked while the registry is down: say so, neither let in nor send to sign in.
  if (allowed instanceof Error) return NextResponse.json({ error: allowed.message, issues: [] }, { status: 503 });
  if (allowed) return NextResponse.next();
  if (path.startsWith("/api/"))
    return NextResponse.json({ error: "sign in, or send an API token (Authorization: Bearer …), to read", issues: [] }, { status: 401 });
  const signIn = new URL("/signin", request.url);
  signIn.searchParams.set("callbackUrl", `${path}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
