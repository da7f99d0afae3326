// Paths and label tables of 突发事件 for the pages (types from contracts/command-incidents).
import {
  DISPATCH_STATUSES, INCIDENT_GRADES, INCIDENT_KINDS, INCIDENT_SOURCES, INCIDENT_STATUSES, LESSON_ACTIONS, LEVEL_LABELS, RESOURCE_KINDS, TASK_STATUSES,
} from '../../../../../contracts/command-incidents';

export type { Incident, IncidentSummary, PlanMatches, Task, TimelineItem, NearbyResourceOut } from '../../../../../contracts/command-incidents';
export { DISPATCH_STATUSES, INCIDENT_GRADES, INCIDENT_KINDS, INCIDENT_SOURCES, INCIDENT_STATUSES, LESSON_ACTIONS, LEVEL_LABELS, RESOURCE_KINDS, TASK_STATUSES };

export const INCIDENTS = '/api/command/incidents';
export const incidentPath = (id: string) => `/command/incidents/${id}`;
export const optionsOf = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
export const levelLabel = (l: number | null | undefined) => (l ? LEVEL_LABELS[l as 1 | 2 | 3 | 4] : '未启动');
export const LEVEL_OPTIONS = [1, 2, 3, 4].map((l) => ({ value: l, label: `${levelLabel(l)}响应` }));
/** Grade colours: 特别重大 red … 一般 blue (the national four-colour order). */
export const GRADE_COLOURS: Record<string, string> = { especially_major: 'red', major: 'orange', larger: 'gold', ordinary: 'blue' };
export const STATUS_COLOURS: Record<string, string> = { reported: 'orange', responding: 'red', terminated: 'blue', closed: 'default' };
/** The assignee's tasks across incidents (我的任务). */
export const MY_TASKS = `${INCIDENTS}/tasks`;
export const MY_TASKS_PATH = '/command/tasks';
