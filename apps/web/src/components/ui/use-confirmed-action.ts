import type { ReactNode } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';

export interface ConfirmedAction {
  title: string;
  content?: ReactNode;
  okText: string;
  /** A red OK button: the action takes something away (default). */
  danger?: boolean;
  /** Runs on OK; the dialog waits for it. A refusal it throws is shown in an error dialog, which stays until read. */
  run: () => Promise<void>;
}

/** A change made only after the user confirms it in a dialog (deactivate, delete, reset, withdraw, …). */
export function useConfirmedAction() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  return ({ title, content, okText, danger = true, run }: ConfirmedAction) => {
    void modal.confirm({
      title,
      content,
      okText,
      okButtonProps: { danger },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await run();
        } catch (error) {
          modal.error({ title: t('errors.title'), content: error instanceof Error ? error.message : undefined, okText: t('common.close') });
        }
      },
    });
  };
}
