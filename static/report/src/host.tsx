import { createContext, useContext, type MouseEvent } from 'react';
import { useT } from './messages';

/** What the report page asks of Jira besides its Backend: open an issue. main.tsx answers with the router. */
export interface ReportHost {
  openIssue(issueKey: string, newTab: boolean): void;
  /** Prints the page (the browser's print dialog, which also saves a PDF). */
  print(): void;
}

export const HostContext = createContext<ReportHost | null>(null);

function useHost(): ReportHost {
  const host = useContext(HostContext);
  if (host === null) throw new Error('the report renders its parts inside HostContext');
  return host;
}

export const usePrint = (): (() => void) => {
  const host = useHost();
  return () => {
    host.print();
  };
};

/** An issue key that opens the issue through Jira's router (a new tab with Ctrl, ⌘, Shift or the middle button). */
export function IssueLink(props: { readonly issueKey: string }) {
  const host = useHost();
  const t = useT();
  const open = (event: MouseEvent<HTMLAnchorElement>, newTab: boolean): void => {
    event.preventDefault();
    host.openIssue(props.issueKey, newTab || event.ctrlKey || event.metaKey || event.shiftKey);
  };
  return (
    // An HTML link, not @atlaskit/link: its router configuration would not reach Jira's router from the frame,
    // and the package is not one of Accord's dependencies.
    // eslint-disable-next-line @atlaskit/design-system/no-html-anchor
    <a
      className="accord-issue-link"
      href={`/browse/${encodeURIComponent(props.issueKey)}`}
      title={t('issueLink', { key: props.issueKey })}
      onClick={(event) => {
        open(event, false);
      }}
      onAuxClick={(event) => {
        if (event.button === 1) open(event, true);
      }}
    >
      {props.issueKey}
    </a>
  );
}
