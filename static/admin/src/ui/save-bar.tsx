import Button from '@atlaskit/button/new';
import type { ReactNode } from 'react';
import { useT } from '../messages';

/** The editor's actions, at its foot: save (busy while saving), cancel, and whatever else it offers. */
export function SaveBar(props: {
  readonly saving: boolean;
  readonly dirty: boolean;
  readonly onSave: () => void;
  readonly onCancel: () => void;
  readonly children?: ReactNode;
  readonly status?: ReactNode;
}) {
  const { t } = useT();
  return (
    <div className="accord-save-bar">
      <Button appearance="primary" isLoading={props.saving} onClick={props.onSave}>
        {t('save')}
      </Button>
      <Button appearance="subtle" onClick={props.onCancel}>
        {props.dirty ? t('cancel') : t('close')}
      </Button>
      {props.children}
      <span className="accord-save-bar__status">{props.status}</span>
    </div>
  );
}
