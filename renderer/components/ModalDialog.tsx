/**
 * A modal dialog on react-aria-components: focus moves in and stays there until it closes, Escape
 * and a click outside close it (unless `dismissable` is false, e.g. while a call runs), and focus
 * returns to what opened it.
 */
import type { ReactNode } from 'react';
import { Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';
import styles from './ModalDialog.module.css';

/** The dialog's title (its accessible name), content, and what closing it does. */
export interface ModalDialogProps {
  title: string;
  children: ReactNode;
  onClose: () => void;
  /** False while closing would abandon something under way. */
  dismissable?: boolean;
  /** `alertdialog` for a choice with consequences the user must answer. */
  role?: 'dialog' | 'alertdialog';
}

/** Open while rendered: the parent shows it when needed and hides it in `onClose`. */
export function ModalDialog({ title, children, onClose, dismissable = true, role = 'dialog' }: ModalDialogProps) {
  return (
    <ModalOverlay
      className={styles.overlay}
      isOpen
      isDismissable={dismissable}
      isKeyboardDismissDisabled={!dismissable}
      onOpenChange={(open) => {
        if (!open) {
          onClose();
        }
      }}
    >
      <Modal className={styles.modal}>
        <Dialog className={styles.dialog} role={role}>
          <Heading slot="title" className={styles.title}>
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
