/** The window a report covers: instants for timestamps, local dates for date columns. */
export type ReportWindow = {
  unitIds: readonly string[];
  /** First instant included (00:00 of `fromDate` in Vietnam). */
  fromTs: Date;
  /** First instant excluded (00:00 of the day after `toDate` in Vietnam). */
  toTs: Date;
  fromDate: string;
  toDate: string;
  /** Today's local date: open jobs due before it are late. */
  today: string;
};
