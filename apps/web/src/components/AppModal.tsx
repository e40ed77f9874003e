import type { ReactNode } from 'react';
import { Modal, type ModalRootProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = Omit<ModalRootProps, 'title' | 'children'> & { title: string; children: ReactNode };

/**
 * Mantine's modal, assembled so that its header is a plain <div>: the stock <header> would make a
 * second banner landmark. The title labels the dialog, the close button is named, and focus goes
 * back to the opener when it closes.
 */
export function AppModal({ title, children, size = 'lg', ...props }: Props) {
  const { t } = useTranslation();
  return (
    <Modal.Root size={size} returnFocus trapFocus {...props}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title fw={650} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('actions.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
