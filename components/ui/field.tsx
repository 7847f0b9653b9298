import { useId, type ReactElement, type ReactNode, cloneElement } from "react";
import { Label } from "radix-ui";
import { cn } from "./cn";

type ControlProps = {
  id?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
};

type FieldProps = {
  label: ReactNode;
  /** The single form control; the field wires its id, aria-invalid and aria-describedby. */
  children: ReactElement<ControlProps>;
  error?: string;
  hint?: ReactNode;
  isRequired?: boolean;
  requiredLabel?: string;
  className?: string;
};

/** Label + control + hint + inline error, with the accessibility wiring done once. */
export function Field({ label, children, error, hint, isRequired, requiredLabel, className }: FieldProps) {
  const generatedId = useId();
  const id = children.props.id ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const isHintShown = Boolean(hint) && !error;
  const describedBy = [isHintShown ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline gap-0.5">
        <Label.Root htmlFor={id} className="text-sm font-medium text-foreground">
          {label}
        </Label.Root>
        {/* Outside the label so the accessible name stays exactly the label text; aria-required says it. */}
        {isRequired ? (
          <span className="text-sm text-danger" aria-hidden="true" title={requiredLabel}>
            *
          </span>
        ) : null}
      </div>
      {cloneElement(children, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": describedBy,
        ...(isRequired ? { "aria-required": true } : {}),
      })}
      {isHintShown ? (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="text-xs font-medium text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FieldLabel({ htmlFor, children, className }: { htmlFor: string; children: ReactNode; className?: string }) {
  return (
    <Label.Root htmlFor={htmlFor} className={cn("text-sm font-medium text-foreground", className)}>
      {children}
    </Label.Root>
  );
}
