import type { JobBoard, JobStatus, JobType } from '@tannha/shared';
import type { ComponentType } from 'react';

/**
 * How a job is marked on the board (colour dot, status badge, type label). The jobs feature
 * draws them; the app hands them in, since features do not import each other.
 */
export type JobMarks = {
  BoardDot: ComponentType<{ board: JobBoard; late?: boolean; status?: JobStatus }>;
  StatusBadge: ComponentType<{ status: JobStatus }>;
  TypeLabel: ComponentType<{ type: JobType; short?: boolean }>;
  boardColours: Record<JobBoard, string>;
};
