import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';
import './phone.css';

export interface DialogProps {
  open: boolean;
  title: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  /** The confirm button in red (a loss: leave without saving, delete…). */
  danger?: boolean;
  /** The confirm is out: its button spins, neither answer can be tapped again, Escape does nothing. */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question on the native <dialog> (showModal: the page behind is
 * inert, focus stays inside, the browser gives focus back on close). Escape
 * is "cancel"; the cancel button has the focus when it opens, so a stray
 * Enter never confirms a loss.
 */
export function Dialog({ open, title, children, confirmLabel, cancelLabel, danger = false, busy = false, onConfirm, onCancel }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();
  // The latest props for the native events below (the dialog closes itself on Escape, outside React).
  const latest = useRef({ open, onCancel });
  useEffect(() => {
    latest.current = { open, onCancel };
  });

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Unmounted while open (the page went away): nothing of it stays on top.
  useEffect(() => {
    const dialog = dialogRef.current;
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);

  return (
    <dialog
      ref={dialogRef}
      className="phone-dialog"
      aria-labelledby={titleId}
      aria-describedby={children ? bodyId : undefined}
      onCancel={(event) => {
        if (busy) event.preventDefault();
      }}
      // Closed by the browser (Escape) while the page still has it open: that is the user's "cancel".
      onClose={() => {
        if (latest.current.open) latest.current.onCancel();
      }}
    >
      <h2 id={titleId} className="phone-dialog-title">
        {title}
      </h2>
      {children ? (
        <div id={bodyId} className="phone-dialog-body">
          {children}
        </div>
      ) : null}
      <div className="phone-dialog-actions">
        <Button ref={cancelRef} onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button variant={danger ? 'danger' : 'primary'} onClick={onConfirm} busy={busy}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
