import { z } from "zod";

export const WINDOWS = { "1h": 3_600, "24h": 86_400, "7d": 604_800 } as const;
export type WindowName = keyof typeof WINDOWS;
export const WindowSchema = z.enum(["1h", "24h", "7d"]).catch("1h");
