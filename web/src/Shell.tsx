import { QueryClientProvider } from '@tanstack/react-query';
import { ProConfigProvider } from '@ant-design/pro-components';
import { App as AntdApp } from 'antd';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import { createQueryClient } from './api/queryClient';
import { proIntl } from './i18n/pro';

const queryClient = createQueryClient();

/**
 * Everything a signed-in user needs: server state, routing, the layout and the pages. A chunk of
 * its own, loaded while Keycloak's redirect completes, so the first download stays small.
 */
export default function Shell() {
  return (
    <QueryClientProvider client={queryClient}>
      <ProConfigProvider intl={proIntl}>
        <AntdApp>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </AntdApp>
      </ProConfigProvider>
    </QueryClientProvider>
  );
}
