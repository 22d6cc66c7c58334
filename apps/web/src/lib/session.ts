import { createContext, useContext } from 'react';
import type { Me } from '@campus/shared';

/** The signed-in user, provided by the app's session guard to every page behind it. */
export const SessionContext = createContext<Me | null>(null);

export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useSession() is used outside the signed-in part of the app');
  return me;
}
