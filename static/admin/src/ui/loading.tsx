import Spinner from '@atlaskit/spinner';

/** A spinner with its reason for screen readers, while something loads. */
export function Loading(props: { readonly label: string }) {
  return (
    <div className="accord-loading" aria-busy="true">
      <Spinner size="medium" label={props.label} />
    </div>
  );
}
