// user_features_1h's sliding hour, kept in memory a minute at a time. RisingWave's MV counts the
// events of the last hour, so its distribution stays put under a steady stream; adding counts up
// forever made every count feature drift away from the training snapshot within minutes.
import { poisson, type Random } from "./random";
import { SESSION_MS, EVENT_TYPES, EVENT_WEIGHTS, pickUserShares, type UserEvent } from "./workload";

const MINUTE_MS = 60_000;
export const WINDOW_MS = 3_600_000;

/** One user's events in one minute. */
type MinuteCounts = { events: number; purchases: number; views: number };
export type UserFeatureRow = {
  user_id: number;
  event_count_1h: number;
  session_count_1h: number;
  purchase_count_1h: number;
  view_count_1h: number;
  last_event_ts: Date;
};
/** Columns a `shift` fault may multiply, and the factor. */
export type Shifts = ReadonlyMap<string, number>;

const minuteOf = (ms: number) => Math.floor(ms / MINUTE_MS);

export class UserWindow {
  /** minute → user → that minute's counts. */
  private minutes = new Map<number, Map<number, MinuteCounts>>();
  private lastEventMs = new Map<number, number>();

  /** Adds events; returns the users they touched. */
  add(events: UserEvent[]): Set<number> {
    const touched = new Set<number>();
    for (const event of events) {
      const ms = event.ts.getTime();
      const counts = this.countsAt(minuteOf(ms), event.userId);
      counts.events += 1;
      if (event.eventType === "purchase") counts.purchases += 1;
      if (event.eventType === "view") counts.views += 1;
      this.lastEventMs.set(event.userId, Math.max(this.lastEventMs.get(event.userId) ?? 0, ms));
      touched.add(event.userId);
    }
    return touched;
  }

  /**
   * The hour before `nowMs` as the stream would have left it at `rate` events a second: per user and
   * minute, Poisson counts with the workload's user skew and event mix (drawing each event of a
   * 2,000 events/s hour one by one would take seconds).
   */
  fillHistory(random: Random, options: { rate: number; users: number; nowMs: number }): void {
    const shares = pickUserShares(options.users);
    const share = (type: (typeof EVENT_TYPES)[number]) => EVENT_WEIGHTS[EVENT_TYPES.indexOf(type)] ?? 0;
    const last = minuteOf(options.nowMs);
    // The minutes expire() keeps: 60 whole ones and the current one, begun.
    for (let minute = last - 60; minute <= last; minute++) {
      const minuteMs = minute === last ? options.nowMs - minute * MINUTE_MS : MINUTE_MS;
      for (let user = 1; user <= options.users; user++) {
        const mean = (options.rate * (shares[user - 1] ?? 0) * minuteMs) / 1000;
        const purchases = poisson(random, mean * share("purchase"));
        const views = poisson(random, mean * share("view"));
        const events = purchases + views + poisson(random, mean * (1 - share("purchase") - share("view")));
        if (events === 0) continue;
        const counts = this.countsAt(minute, user);
        counts.events += events;
        counts.purchases += purchases;
        counts.views += views;
        const ms = minute * MINUTE_MS + Math.floor(random.next() * minuteMs);
        this.lastEventMs.set(user, Math.max(this.lastEventMs.get(user) ?? 0, ms));
      }
    }
  }

  /** Drops the minutes that left the hour before `nowMs`; returns the users whose counts they held. */
  expire(nowMs: number): Set<number> {
    const changed = new Set<number>();
    // A minute stays while any of it is inside the hour.
    const firstKept = minuteOf(nowMs - WINDOW_MS);
    for (const [minute, users] of this.minutes) {
      if (minute >= firstKept) continue;
      for (const user of users.keys()) changed.add(user);
      this.minutes.delete(minute);
    }
    return changed;
  }

  /** Every user with events in the hour. */
  users(): Set<number> {
    const users = new Set<number>();
    for (const minute of this.minutes.values()) for (const user of minute.keys()) users.add(user);
    return users;
  }

  /** The user's row over the hour (sessions: the 30-minute buckets with events), or null: no events left. */
  row(user: number, shifts: Shifts = new Map()): UserFeatureRow | null {
    let events = 0;
    let purchases = 0;
    let views = 0;
    const sessions = new Set<number>();
    for (const [minute, users] of this.minutes) {
      const counts = users.get(user);
      if (!counts) continue;
      events += counts.events;
      purchases += counts.purchases;
      views += counts.views;
      sessions.add(Math.floor((minute * MINUTE_MS) / SESSION_MS));
    }
    if (events === 0) return null;
    const shifted = (column: string, value: number) => Math.round(value * (shifts.get(column) ?? 1));
    return {
      user_id: user,
      event_count_1h: shifted("event_count_1h", events),
      session_count_1h: shifted("session_count_1h", sessions.size),
      purchase_count_1h: shifted("purchase_count_1h", purchases),
      view_count_1h: shifted("view_count_1h", views),
      last_event_ts: new Date(this.lastEventMs.get(user) ?? 0),
    };
  }

  private countsAt(minute: number, user: number): MinuteCounts {
    let users = this.minutes.get(minute);
    if (!users) this.minutes.set(minute, (users = new Map()));
    let counts = users.get(user);
    if (!counts) users.set(user, (counts = { events: 0, purchases: 0, views: 0 }));
    return counts;
  }
}
