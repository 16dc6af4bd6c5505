import { createContext, useContext } from 'react';
import type { PanelMessages } from './panel-messages';

export { panelMessages, type PanelKey, type PanelMessages } from './panel-messages';

export const MessagesContext = createContext<PanelMessages | null>(null);

/** The panel's messages in the user's language, from the {@link MessagesContext} the panel sets up. */
export function useMessages(): PanelMessages {
  const messages = useContext(MessagesContext);
  if (messages === null) throw new Error('the issue panel renders its parts inside MessagesContext');
  return messages;
}
