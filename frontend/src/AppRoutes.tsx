import { Navigate, Route, Routes } from 'react-router';
import { ApiKeysPage } from './account/ApiKeysPage';
import { SmsNumbersPage } from './account/SmsNumbersPage';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { CandidatesPage } from './candidate/CandidatesPage';
import { InboxPage } from './inbox/InboxPage';
import { AppLayout } from './shell/AppLayout';
import { NotFoundPage } from './shell/NotFoundPage';
import { ChatTemplatesPage } from './template/ChatTemplatesPage';
import { WorkflowsPage } from './workflow/WorkflowsPage';

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/workflows" replace />} />
        <Route path="workflows" element={<WorkflowsPage />} />
        <Route path="templates" element={<ChatTemplatesPage />} />
        <Route path="inbox" element={<InboxPage />} />
        <Route path="candidates" element={<CandidatesPage />} />
        <Route path="settings" element={<Navigate to="/settings/numbers" replace />} />
        <Route path="settings/numbers" element={<SmsNumbersPage />} />
        <Route path="settings/api-keys" element={<ApiKeysPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
