import { createContext, useContext } from 'react';

/** Who reads the report: instants in their zone and locale. */
export interface Viewer {
  readonly locale: string;
  readonly timeZone: string;
  readonly now: number;
}

export const ViewerContext = createContext<Viewer | null>(null);

export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (viewer === null) throw new Error('the report renders its parts inside ViewerContext');
  return viewer;
}
