import dayjs, { type Dayjs } from 'dayjs';
import { centreToday } from '@campus/shared';
import { useSession } from './session';

/** Today in the centre's time zone ("YYYY-MM-DD"), from the session: not the browser's day (DESIGN). */
export function useCentreToday(): string {
  return centreToday(useSession().centre);
}

/** The centre's today as a date-picker value (the picker shows the calendar day it is given). */
export function useCentreTodayPicker(): Dayjs {
  return dayjs(useCentreToday());
}
