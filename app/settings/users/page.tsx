import type { Metadata } from "next";
import { NotAllowed } from "@/components/auth/not-allowed";
import { UserAdmin } from "@/components/auth/user-admin";
import { PageHeader } from "@/components/ui/page-header";
import { pageActor } from "@/lib/auth/page-actor";
import { listUsers } from "@/lib/auth/users";
import { createUserAction, updateUserAction } from "../actions";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function UsersPage() {
  const actor = await pageActor();
  if (actor.kind !== "user" || actor.role !== "admin")
    return <NotAllowed actor={actor} what="manage users" returnTo="/settings/users" detail="Only admins manage users and teams." />;
  return (
    <>
      <PageHeader
        title="Users and teams"
        description="Viewers read; editors change the groups they or their teams own; admins change everything and manage users."
      />
      <UserAdmin users={await listUsers()} create={createUserAction} update={updateUserAction} />
    </>
  );
}
