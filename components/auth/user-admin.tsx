"use client";

import { FormProvider } from "react-hook-form";
import { FormField, inputClass } from "@/components/form/field";
import { FormAlert } from "@/components/form/form-alert";
import { InlineForm } from "@/components/form/inline-form";
import { useActionForm } from "@/components/form/use-action-form";
import { buttonClass } from "@/components/ui/button-link";
import { TableHead } from "@/components/ui/table-head";
import type { ActionResult } from "@/lib/action-result";
import { ROLES } from "@/lib/auth/permissions";
import type { UserSummary } from "@/lib/auth/users";
import { UserCreateSchema, UserUpdateSchema } from "@/lib/schemas/auth";

type Action = (input: unknown) => Promise<ActionResult<UserSummary>>;

const roleOptions = ROLES.map((role) => <option key={role}>{role}</option>);

function UserRow({ user, update }: { user: UserSummary; update: Action }) {
  const { form, pending, serverError, succeeded, submitTo } = useActionForm({
    schema: UserUpdateSchema,
    defaultValues: { id: user.id, role: user.role, teams: user.teams.join(", "), active: user.active },
  });
  const save = submitTo(update);
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
        <FormProvider {...form}>
          <form onSubmit={save} noValidate className="flex flex-wrap items-start gap-2" aria-label={`Role and teams of ${user.email}`}>
            <FormField name="role" label="Role" hideLabel compact>
              <select {...form.register("role")} className={inputClass(true)}>
                {roleOptions}
              </select>
            </FormField>
            <FormField name="teams" label="Teams" hideLabel compact>
              <input {...form.register("teams")} placeholder="team-a, team-b" className={`${inputClass(true)} w-48`} />
            </FormField>
            <label
              className="flex items-center gap-1 py-1.5 text-sm"
              title="A deactivated user cannot sign in; their sessions and tokens stop at once"
            >
              <input type="checkbox" {...form.register("active")} /> Active
            </label>
            <button type="submit" disabled={pending} className={buttonClass()}>
              Save
            </button>
            {succeeded ? (
              <span role="status" className="py-1.5 text-xs">
                saved
              </span>
            ) : null}
            <FormAlert error={serverError} title="Not saved" />
          </form>
        </FormProvider>
      </td>
    </tr>
  );
}

const NEW_USER_FIELDS = [
  { name: "email", label: "Email", type: "email" },
  { name: "name", label: "Name", type: "text" },
  { name: "teams", label: "Teams (comma-separated)", type: "text" },
  { name: "password", label: "Initial password", type: "password" },
] as const;

/** Admins: every user with role and teams, and a form to add one. */
export function UserAdmin({ users, create, update }: { users: UserSummary[]; create: Action; update: Action }) {
  const action = useActionForm({
    schema: UserCreateSchema,
    defaultValues: { email: "", name: "", teams: "", password: "", role: "viewer" as const },
  });
  const { form, submitTo } = action;
  const add = submitTo(create, () => form.reset());
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
      <InlineForm action={action} onSubmit={add} label="Add a user" errorTitle="User not added" submitLabel="Add user" primary>
        {NEW_USER_FIELDS.map((field) => (
          <FormField key={field.name} name={field.name} label={field.label} compact>
            <input {...form.register(field.name)} type={field.type} className={inputClass(true)} />
          </FormField>
        ))}
        <FormField name="role" label="Role" compact>
          <select {...form.register("role")} className={inputClass(true)}>
            {roleOptions}
          </select>
        </FormField>
      </InlineForm>
    </div>
  );
}
