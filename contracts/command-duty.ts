// 值班值守 (duty): the roster per day and shift, handovers (交接班), the duty log (值班日志), the duty desk,
// and the peacetime/emergency switch (平战转换) that turns the desk and the home page into a command view.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { PageQuery, RegionCode, Timestamp, Uuid } from './common.js';

const N = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const O = Type.Optional;
const Str = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });
const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD（北京时间）' });
const ShiftCode = Type.String({ pattern: '^[a-z][a-z0-9_]{0,19}$', description: '班次代码（规则 command.duty.shifts，如 day、night）' });

export const DUTY_ROLES = { leader: '带班领导', officer: '值班员' } as const;
export const DUTY_LOG_KINDS = { call: '来电接报', notice: '通知传达', action: '处置记录', other: '其他' } as const;
export type DutyLogKind = keyof typeof DUTY_LOG_KINDS;

/** One shift of the day as the bureau set it: the night shift ends on the next morning when end ≤ start. */
export const ShiftDef = Type.Object({
  code: ShiftCode,
  label: Str(20),
  start: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
  end: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' }),
});
export type ShiftDef = Static<typeof ShiftDef>;

export const DutyPerson = Type.Object({ id: Uuid, name: Type.String(), phone: N(Type.String()), orgName: N(Type.String()) });
export type DutyPerson = Static<typeof DutyPerson>;

export const RosterSlot = Type.Object({ shift: ShiftCode, leaders: Type.Array(DutyPerson), officers: Type.Array(DutyPerson) });
export type RosterSlot = Static<typeof RosterSlot>;

export const RosterQuery = Type.Object({
  month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }),
  regionCode: O(RegionCode),
});
export type RosterQuery = Static<typeof RosterQuery>;

export const Roster = Type.Object({
  month: Type.String(),
  regionCode: RegionCode,
  regionName: Type.String(),
  shifts: Type.Array(ShiftDef),
  /** The version of the shift rule the roster is shown with, e.g. command.duty.shifts@default. */
  shiftRule: Type.String(),
  days: Type.Array(Type.Object({ date: Day, slots: Type.Array(RosterSlot) })),
});
export type Roster = Static<typeof Roster>;

/** Replace whole cells of the roster grid: each slot's leaders and officers become exactly these (empty lists clear it). */
export const RosterUpdate = Type.Object({
  regionCode: O(RegionCode),
  slots: Type.Array(Type.Object({
    date: Day,
    shift: ShiftCode,
    leaderIds: Type.Array(Uuid, { maxItems: 5 }),
    officerIds: Type.Array(Uuid, { maxItems: 10 }),
  }), { minItems: 1, maxItems: 200 }),
});
export type RosterUpdate = Static<typeof RosterUpdate>;

export const RosterImportResult = Type.Object({
  /** Cells written (0 when the file had errors: nothing is written then). */
  written: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), column: N(Type.String()), message: Type.String() })),
});
export type RosterImportResult = Static<typeof RosterImportResult>;

/** A shift on a date with its start and end instants. */
export const ShiftInstance = Type.Object({
  code: ShiftCode, label: Type.String(), date: Day, startsAt: Timestamp, endsAt: Timestamp,
});
export type ShiftInstance = Static<typeof ShiftInstance>;

export const CurrentShift = Type.Object({
  regionCode: RegionCode,
  shift: ShiftInstance,
  leaders: Type.Array(DutyPerson),
  officers: Type.Array(DutyPerson),
  next: ShiftInstance,
  nextLeaders: Type.Array(DutyPerson),
  nextOfficers: Type.Array(DutyPerson),
  /** Whether the caller is on the current shift (may hand over). */
  callerOnDuty: Type.Boolean(),
});
export type CurrentShift = Static<typeof CurrentShift>;

export const CurrentQuery = Type.Object({ regionCode: O(RegionCode), at: O(Timestamp) });

export const OpenItem = Type.Object({ text: Str(500), incidentId: O(N(Uuid)) });
export type OpenItem = Static<typeof OpenItem>;

export const HandoverCreate = Type.Object({
  regionCode: O(RegionCode),
  notes: Str(4000),
  openItems: Type.Array(OpenItem, { maxItems: 50 }),
});
export type HandoverCreate = Static<typeof HandoverCreate>;

export const HandoverReceive = Type.Object({ note: O(Str(1000, 0)) });

export const Handover = Type.Object({
  id: Uuid,
  regionCode: RegionCode,
  from: ShiftInstance,
  to: ShiftInstance,
  notes: Type.String(),
  openItems: Type.Array(OpenItem),
  handedBy: DutyPerson,
  handedAt: Timestamp,
  receivedBy: N(DutyPerson),
  receivedAt: N(Timestamp),
  receiveNote: N(Type.String()),
});
export type Handover = Static<typeof Handover>;

export const HandoverQuery = Type.Composite([PageQuery, Type.Object({
  regionCode: O(RegionCode), from: O(Day), to: O(Day), pending: O(Type.Boolean({ description: '只看待接班' })),
})]);

export const DutyLogCreate = Type.Object({
  regionCode: O(RegionCode),
  at: O(Timestamp),
  kind: Type.Union(Object.keys(DUTY_LOG_KINDS).map((k) => Type.Literal(k))),
  party: O(N(Str(100, 0))),
  phone: O(N(Type.String({ maxLength: 30, pattern: '^[0-9+\\-() ]*$' }))),
  content: Str(4000),
  actionTaken: O(N(Str(4000, 0))),
  incidentId: O(N(Uuid)),
});
export type DutyLogCreate = Static<typeof DutyLogCreate>;

export const DutyLog = Type.Object({
  id: Uuid, regionCode: RegionCode, dutyDate: Day, shift: Type.String(), shiftLabel: Type.String(), at: Timestamp,
  kind: Type.String(), party: N(Type.String()), phone: N(Type.String()), content: Type.String(), actionTaken: N(Type.String()),
  incidentId: N(Uuid), incidentTitle: N(Type.String()), recordedBy: DutyPerson,
});
export type DutyLog = Static<typeof DutyLog>;

export const DutyLogQuery = Type.Composite([PageQuery, Type.Object({
  regionCode: O(RegionCode), kind: O(Type.String({ maxLength: 20 })), from: O(Day), to: O(Day), q: O(Type.String({ maxLength: 50 })), incidentId: O(Uuid),
})]);
export type DutyLogQuery = Static<typeof DutyLogQuery>;

/** One incident as the duty desk and the command view show it. */
export const DeskIncident = Type.Object({
  id: Uuid, number: Type.String(), title: Type.String(), kind: Type.String(), grade: Type.String(), status: Type.String(),
  responseLevel: N(Type.Integer()), address: Type.String(), regionCode: RegionCode, reportedAt: Timestamp, responseStartedAt: N(Timestamp),
  dead: Type.Integer(), injured: Type.Integer(), missing: Type.Integer(), trapped: Type.Integer(),
  /** Reports owed and late (初报/续报/终报). */
  reportsOverdue: Type.Integer(),
  /** The next report due, if any. */
  nextReportDueAt: N(Timestamp),
  nextReportKind: N(Type.String()),
});
export type DeskIncident = Static<typeof DeskIncident>;

export const DutyDesk = Type.Object({
  current: N(CurrentShift),
  /** Taken in the last `newWithinHours` hours and not yet responded to. */
  newIncidents: Type.Array(DeskIncident),
  openIncidents: Type.Array(DeskIncident),
  newWithinHours: Type.Integer(),
  pendingHandover: N(Handover),
  recentLogs: Type.Array(DutyLog),
});
export type DutyDesk = Static<typeof DutyDesk>;

/** 平战转换: emergency when an incident at or above the set response level is active and the caller can see it. */
export const CommandMode = Type.Object({
  mode: Type.Union([Type.Literal('peacetime'), Type.Literal('emergency')]),
  /** The lowest response level that switches (1 = Ⅰ级 only … 4 = any level), and the rule version. */
  threshold: Type.Integer(),
  rule: Type.String(),
  incidents: Type.Array(Type.Object({
    id: Uuid, number: Type.String(), title: Type.String(), responseLevel: Type.Integer(), grade: Type.String(), address: Type.String(),
    responseStartedAt: N(Timestamp), elapsedMinutes: Type.Integer(),
    /** Tasks not yet accepted, when the incident desk tells them; null otherwise. */
    openTasks: N(Type.Integer()),
    link: Type.String(),
  })),
});
export type CommandMode = Static<typeof CommandMode>;
