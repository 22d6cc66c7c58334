import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { setLanguage, toLanguage } from '@/i18n';

/** Switches between 中文 and English; the button names the other language in that language. */
export function LanguageSwitch({ block = false }: { block?: boolean }) {
  const { t } = useTranslation();
  const target = toLanguage(t('language.switchToLang'));
  return (
    <Button
      icon={<GlobalOutlined aria-hidden />}
      lang={target}
      title={t('language.label')}
      block={block}
      onClick={() => void setLanguage(target)}
    >
      {t('language.switchTo')}
    </Button>
  );
}
