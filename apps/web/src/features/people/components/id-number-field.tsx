import { useState } from 'react';
import { Alert, App, Button, Flex } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRevealIdNumber } from '../api/reveal-id-number';

interface IdNumberFieldProps {
  personId: string;
  /** As the server sends it: 500118***********X. */
  masked: string | null;
  canReveal: boolean;
}

/**
 * The masked ID number, and on request the full one, in place. The reveal is a
 * separate, audited request; the number lives only in this component's state
 * (never in the query cache, the URL or storage) and goes when the page does.
 */
export function IdNumberField({ personId, masked, canReveal }: IdNumberFieldProps) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const reveal = useRevealIdNumber();
  const [revealed, setRevealed] = useState<string | null>(null);

  if (!masked) return <>{t('people.reveal.none')}</>;

  async function show() {
    try {
      const { idNumber } = await reveal.mutateAsync(personId);
      setRevealed(idNumber);
    } catch (error) {
      modal.error({ title: t('errors.title'), content: error instanceof Error ? error.message : undefined, okText: t('common.close') });
    } finally {
      // Drop the mutation's own copy of the answer.
      reveal.reset();
    }
  }

  return (
    <Flex vertical gap={8}>
      <Flex wrap gap={8} align="center">
        <span className="mono id-number" data-testid="id-number">
          {revealed ?? masked}
        </span>
        {canReveal && !revealed ? (
          <Button className="no-print reveal-button" icon={<EyeOutlined aria-hidden />} loading={reveal.isPending} onClick={() => void show()}>
            {t('people.reveal.button')}
          </Button>
        ) : null}
        {revealed ? (
          <Button className="no-print reveal-button" icon={<EyeInvisibleOutlined aria-hidden />} onClick={() => setRevealed(null)}>
            {t('people.reveal.hide')}
          </Button>
        ) : null}
      </Flex>
      {revealed ? <Alert type="warning" showIcon role="status" title={t('people.reveal.warning')} className="no-print" /> : null}
    </Flex>
  );
}
