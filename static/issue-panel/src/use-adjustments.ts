import { useCallback, useEffect, useState } from 'react';
import type { IssueAdjustments } from '../../shared/api/adjustments';
import type { Backend } from '../../shared/backend';

const NONE: IssueAdjustments = { issueId: '', adjustments: [], canAdjust: [] };

/**
 * The issue's extensions and excused breaches, and where the viewer may decide: fetched again whenever the
 * metrics were (`version` changes with each new evaluation). A failure leaves none shown and no buttons: the
 * metrics themselves stay.
 */
export function useAdjustments(
  backend: Backend,
  issueId: string | null,
  version: unknown,
): { adjustments: IssueAdjustments; reload: () => void } {
  const [state, setState] = useState<IssueAdjustments>(NONE);
  // A decision re-measures at the same instant, so `version` may not change: a reload asks again regardless.
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (issueId === null) return undefined;
    let active = true;
    void backend.call('issue/adjustments', { issueId }).then((reply) => {
      if (active && reply.ok) setState(reply.data);
    });
    return () => {
      active = false;
    };
  }, [backend, issueId, version, asked]);
  const reload = useCallback(() => {
    setAsked((n) => n + 1);
  }, []);
  return { adjustments: state, reload };
}
