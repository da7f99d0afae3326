// The catalogue of statistics reports (统计报表目录), in the order the page lists them by pillar.
import type { ReportDef } from '../measure.js';
import { disasterReports } from './disaster.js';
import { emergencyReports } from './emergency.js';
import { enforcementReports } from './enforcement.js';
import { enterpriseReports } from './enterprises.js';
import { hazardReports } from './hazards.js';
import { monitoringReports } from './monitoring.js';
import { responsibilityReports } from './responsibility.js';

export const REPORTS: ReportDef[] = [
  ...enterpriseReports, ...hazardReports, ...enforcementReports, ...monitoringReports, ...emergencyReports, ...disasterReports, ...responsibilityReports,
];
