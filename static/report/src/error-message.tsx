import SectionMessage, { SectionMessageAction } from '@atlaskit/section-message';

/** A failure as Atlaskit's error section message, with Try again where trying again can help. */
export default function ErrorMessage(props: {
  readonly text: string;
  readonly retry?: { readonly label: string; readonly onClick: () => void };
}) {
  return (
    <SectionMessage
      appearance="error"
      actions={
        props.retry === undefined
          ? []
          : [
              <SectionMessageAction key="retry" onClick={props.retry.onClick}>
                {props.retry.label}
              </SectionMessageAction>,
            ]
      }
    >
      <p>{props.text}</p>
    </SectionMessage>
  );
}
