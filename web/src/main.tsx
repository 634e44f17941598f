import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import { App } from './App';
import { AuthSetup } from './auth/AuthSetup';
import { createQueryClient } from './api/queryClient';
import { loadConfig } from './config';
import { FullPageMessage } from './components/FullPageMessage';
import { antdLocale, t } from './i18n';
import { theme } from './theme';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const queryClient = createQueryClient();

function render(content: React.ReactNode) {
  root.render(
    <StrictMode>
      <ConfigProvider locale={antdLocale} theme={theme}>
        <AntdApp>{content}</AntdApp>
      </ConfigProvider>
    </StrictMode>,
  );
}

loadConfig()
  .then((config) =>
    render(
      <AuthSetup config={config}>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </QueryClientProvider>
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
