import { z } from "zod";

export const TokenRequestSchema = z.object({
  name: z.string().trim().min(1, "name the token (what uses it)").max(100),
  scope: z.enum(["read", "write"]),
});

const teams = z
  .string()
  .max(500)
  .transform((text) => [
    ...new Set(
      text
        .split(",")
        .map((team) => team.trim())
        .filter(Boolean),
    ),
  ])
  .pipe(z.array(z.string().max(100)).max(20));

export const UserCreateSchema = z.object({
  email: z
    .email("an email address")
    .max(200)
    .transform((email) => email.toLowerCase()),
  name: z.string().trim().min(1, "required").max(100),
  role: z.enum(["viewer", "editor", "admin"]),
  teams,
  password: z.string().min(10, "at least 10 characters").max(200),
});

export const PasswordChangeSchema = z
  .object({
    current: z.string().min(1, "required").max(200),
    next: z.string().min(10, "at least 10 characters").max(200),
    confirm: z.string().max(200),
  })
  .refine((value) => value.next === value.confirm, { path: ["confirm"], message: "does not match the new password" });

export const UserUpdateSchema = z.object({
  id: z.string().uuid(),
  role: z.enum(["viewer", "editor", "admin"]),
  teams,
  active: z.boolean().optional(),
});
