import * as Dialog from '@radix-ui/react-dialog';
import { type ReactNode, useState } from 'react';

/**
 * A button opening a Radix dialog whose body is mounted only while it is open:
 * each opening starts with fresh inputs and a fresh Idempotency-Key.
 */
export function DialogShell({
  label,
  title,
  secondary = false,
  children,
}: {
  label: string;
  title: string;
  secondary?: boolean;
  children: (close: () => void) => ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger asChild>
        <button type="button" className={secondary ? 'secondary' : undefined}>
          {label}
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog-content" aria-describedby={undefined}>
          <Dialog.Title>{title}</Dialog.Title>
          {open ? children(() => setOpen(false)) : null}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** The dialog's own Cancel button. */
export const CancelButton = () => (
  <Dialog.Close asChild>
    <button type="button" className="secondary">
      Cancel
    </button>
  </Dialog.Close>
);

/** A fresh Idempotency-Key: made once when a dialog's body mounts, sent with each try of its one operation. */
// getRandomValues, not randomUUID: a desk served over plain HTTP on a LAN is not a secure context.
export const newIdempotencyKey = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
