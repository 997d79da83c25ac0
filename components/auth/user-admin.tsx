"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/action-result";
import { ROLES } from "@/lib/auth/permissions";
import type { UserSummary } from "@/lib/auth/users";
import { TableHead } from "@/components/ui/table-head";
import { errorTextClass } from "@/components/ui/surface";

type Action = (input: unknown) => Promise<ActionResult<UserSummary>>;
const field = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900";

function UserRow({ user, update }: { user: UserSummary; update: Action }) {
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await update({ id: user.id, role: form.get("role"), teams: form.get("teams"), active: form.get("active") === "on" });
      setMessage(result.ok ? "saved" : (result.issues[0]?.message ?? result.error));
    });
  };
  return (
    <tr className="border-t border-slate-100 align-top dark:border-slate-800" data-user={user.email}>
      <td className="px-2 py-2">
        {user.email}
        <span className="block text-xs text-slate-500">
          {user.name}
          {user.active ? "" : " · deactivated"}
        </span>
      </td>
      <td className="px-2 py-2" colSpan={3}>
        <form onSubmit={save} className="flex flex-wrap items-center gap-2" aria-label={`Role and teams of ${user.email}`}>
          <select name="role" defaultValue={user.role} className={field} aria-label="Role">
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
          <input
            name="teams"
            defaultValue={user.teams.join(", ")}
            placeholder="team-a, team-b"
            className={`${field} w-48`}
            aria-label="Teams"
          />
          <label
            className="flex items-center gap-1 text-sm"
            title="A deactivated user cannot sign in; their sessions and tokens stop at once"
          >
            <input type="checkbox" name="active" defaultChecked={user.active} /> Active
          </label>
          <button
            type="submit"
            disabled={pending}
            className="rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800"
          >
            Save
          </button>
          {message ? (
            <span role="status" className="text-xs">
              {message}
            </span>
          ) : null}
        </form>
      </td>
    </tr>
  );
}

/** Admins: every user with role and teams, and a form to add one. */
export function UserAdmin({ users, create, update }: { users: UserSummary[]; create: Action; update: Action }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = Object.fromEntries(new FormData(target));
    startTransition(async () => {
      const result = await create(form);
      if (!result.ok) {
        setError(result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ") || result.error);
        return;
      }
      setError(null);
      target.reset();
    });
  };
  return (
    <div className="space-y-6">
      <table className="w-full text-sm" aria-label="Users">
        <TableHead columns={["User", "Role and teams", "", ""]} />
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} update={update} />
          ))}
        </tbody>
      </table>
      <form onSubmit={add} className="flex flex-wrap items-end gap-3" aria-label="Add a user">
        {[
          ["email", "Email", "email"],
          ["name", "Name", "text"],
          ["teams", "Teams (comma-separated)", "text"],
          ["password", "Initial password", "password"],
        ].map(([name, label, type]) => (
          <label key={name} className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
            {label}
            <input name={name} type={type} required={name !== "teams"} className={field} />
          </label>
        ))}
        <label className="flex flex-col gap-1 text-xs text-slate-600 dark:text-slate-400">
          Role
          <select name="role" defaultValue="viewer" className={field}>
            {ROLES.map((role) => (
              <option key={role}>{role}</option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-tide-600 px-3 py-2 text-sm font-medium text-white hover:bg-tide-700 disabled:opacity-50"
        >
          Add user
        </button>
      </form>
      {error ? (
        <p role="alert" className={`text-sm ${errorTextClass}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}
