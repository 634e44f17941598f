import { StrictMode, Suspense, lazy, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { ConfigProvider } from 'antd';
import { AuthSetup } from './auth/AuthSetup';
import { loadConfig } from './config';
import { FullPageMessage } from './components/FullPageMessage';
import { antdLocale, t } from './i18n';
import { theme } from './theme';
import './styles.css';

const Shell = lazy(() => import('./Shell'));

const root = createRoot(document.getElementById('root')!);

function render(content: ReactNode) {
  root.render(
    <StrictMode>
      <ConfigProvider locale={antdLocale} theme={theme}>
        {content}
      </ConfigProvider>
    </StrictMode>,
  );
}

// Start fetching the app's frame at once; sign-in runs meanwhile.
const shellReady = import('./Shell');

loadConfig()
  .then((config) =>
    render(
      <AuthSetup config={config}>
        <Suspense fallback={<FullPageMessage status="loading" title={t('state.loading')} />}>
          <Shell />
        </Suspense>
      </AuthSetup>,
    ),
  )
  .catch(() =>
    render(
      <FullPageMessage
        status="error"
        title={t('config.failed')}
        detail={t('config.failedDetail')}
        action={{ label: t('action.reload'), onClick: () => window.location.reload() }}
      />,
    ),
  );

void shellReady;
