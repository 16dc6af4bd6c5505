import type { MouseEvent } from 'react';
import { issuePath, type GadgetHost } from './host';
import { useT } from './messages';

/**
 * An issue key that opens the issue in Jira through the host's router (a Custom UI's own frame cannot follow
 * a site link): in the same tab, or a new one with Ctrl, ⌘, Shift or the middle button. The `href` keeps the
 * link a link for the keyboard, the context menu and the status bar.
 */
export function IssueLink(props: { readonly issueKey: string; readonly host: GadgetHost }) {
  const t = useT();
  const open = (event: MouseEvent<HTMLAnchorElement>, newTab: boolean): void => {
    event.preventDefault();
    props.host.openIssue(props.issueKey, newTab || event.ctrlKey || event.metaKey || event.shiftKey);
  };
  return (
    // An HTML link, not @atlaskit/link: its router configuration would not reach Jira's router from the frame,
    // and the package is not one of Accord's dependencies.
    // eslint-disable-next-line @atlaskit/design-system/no-html-anchor
    <a
      className="accord-issue-link"
      href={issuePath(props.issueKey)}
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
