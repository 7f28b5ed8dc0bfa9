/** A duty is overdue once its deadline has passed and it is still open; on the deadline itself it is not. */
export function isOverdue(deadline: string, done: boolean, now: Date): boolean {
  return !done && now.getTime() > Date.parse(deadline);
}
