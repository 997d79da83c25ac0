import { formatDuration } from "../format";
import type { DriftIncidentEvent } from "../registry/drift-incidents";

export type AlertInput = {
  event: "opened" | "closed";
  incidentId: string;
  groupName: string;
  owner: string;
  slaSeconds: number;
  freshnessSeconds: number | null;
  peakFreshnessSeconds: number;
  openedAt: Date;
  closedAt: Date | null;
  publicUrl: string;
  /** "breach" or "degraded" (serving stale), and the stage that holds the delay, in words. */
  kind: string;
  cause: string | null;
};

/** Slack's mrkdwn control characters in user text: `<!channel>` or `<https://evil|x>` must stay text. */
const escapeMrkdwn = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const groupLink = (publicUrl: string, groupName: string, page = "") => `${publicUrl.replace(/\/$/, "")}/groups/${groupName}${page}`;

/** A Slack-compatible incoming-webhook body (`text` + blocks), with the raw facts under `tideline`. */
const slackBody = <Facts extends object>(text: string, tideline: Facts) => ({
  text,
  blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
  tideline,
});

/** A freshness incident's message. */
export function alertPayload(input: AlertInput) {
  const link = groupLink(input.publicUrl, input.groupName);
  const cause = input.cause ? ` Cause: ${escapeMrkdwn(input.cause)}.` : "";
  const opened =
    input.kind === "degraded"
      ? `:warning: *${input.groupName}* serves stale values: its materialized view is fresh but Redis is not following.`
      : `:rotating_light: *${input.groupName}* breaches its freshness SLA: data is ${formatDuration(input.freshnessSeconds ?? input.peakFreshnessSeconds)} old (SLA ${formatDuration(input.slaSeconds)}).`;
  const text =
    input.event === "opened"
      ? `${opened}${cause} Owner: ${escapeMrkdwn(input.owner)}. <${link}|Open in Tideline>`
      : `:white_check_mark: *${input.groupName}* is fresh again after ${formatDuration(((input.closedAt?.getTime() ?? 0) - input.openedAt.getTime()) / 1000)} (peak ${formatDuration(input.peakFreshnessSeconds)}, SLA ${formatDuration(input.slaSeconds)}). <${link}|Open in Tideline>`;
  return slackBody(text, {
    event: `incident.${input.event}`,
    incidentId: input.incidentId,
    group: input.groupName,
    kind: input.kind,
    cause: input.cause,
    owner: input.owner,
    slaSeconds: input.slaSeconds,
    freshnessSeconds: input.freshnessSeconds,
    peakFreshnessSeconds: input.peakFreshnessSeconds,
    openedAt: input.openedAt.toISOString(),
    closedAt: input.closedAt?.toISOString() ?? null,
  });
}

/** A drift incident's event (its cause: the breaching features and measures in words, as measured at the open). */
export type DriftAlertInput = DriftIncidentEvent & { publicUrl: string };

/** A drift incident's message: the features and measures that breach, or that the group is back. */
export function driftAlertPayload(input: DriftAlertInput) {
  const link = groupLink(input.publicUrl, input.groupName, "/drift");
  const text =
    input.event === "opened"
      ? `:chart_with_upwards_trend: *${input.groupName}* drifts: ${escapeMrkdwn(input.cause ?? "a feature breaches its drift threshold")}. Owner: ${escapeMrkdwn(input.owner)}. <${link}|Open in Tideline>`
      : `:white_check_mark: *${input.groupName}* no longer drifts, after ${formatDuration(((input.closedAt?.getTime() ?? 0) - input.openedAt.getTime()) / 1000)}. <${link}|Open in Tideline>`;
  return slackBody(text, {
    event: `incident.${input.event}`,
    incidentId: input.incidentId,
    group: input.groupName,
    kind: "drift",
    cause: input.cause,
    findings: input.findings,
    owner: input.owner,
    openedAt: input.openedAt.toISOString(),
    closedAt: input.closedAt?.toISOString() ?? null,
  });
}

/** Retry delay after `attempts` failures: 5 s, 10 s, 20 s … capped at 10 minutes. */
export const retryDelayMs = (attempts: number) => Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 600_000);
