import Button from '@atlaskit/button/new';
import Modal, {
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
} from '@atlaskit/modal-dialog';
import type { ReactNode } from 'react';
import { useT } from '../messages';

/** Asks before something that cannot be undone from this page (a deletion, a restore). */
export function Confirm(props: {
  readonly open: boolean;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirm: string;
  readonly appearance?: 'danger' | 'warning' | 'primary';
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useT();
  return (
    <ModalTransition>
      {props.open ? (
        <Modal onClose={props.onCancel} width="small" testId="accord-dialog">
          <ModalHeader hasCloseButton closeButtonLabel={t('close')}>
            {props.appearance === 'primary' ? (
              <ModalTitle>{props.title}</ModalTitle>
            ) : (
              <ModalTitle appearance={props.appearance === 'warning' ? 'warning' : 'danger'}>
                {props.title}
              </ModalTitle>
            )}
          </ModalHeader>
          <ModalBody>{props.children}</ModalBody>
          <ModalFooter>
            <Button appearance="subtle" onClick={props.onCancel}>
              {t('cancel')}
            </Button>
            <Button appearance={props.appearance ?? 'danger'} onClick={props.onConfirm} autoFocus>
              {props.confirm}
            </Button>
          </ModalFooter>
        </Modal>
      ) : null}
    </ModalTransition>
  );
}
