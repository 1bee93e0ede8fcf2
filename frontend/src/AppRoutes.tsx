import { Navigate, Route, Routes } from 'react-router';
import { ApiKeysPage } from './account/ApiKeysPage';
import { SmsNumbersPage } from './account/SmsNumbersPage';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth } from './auth/RequireAuth';
import { CandidateProfilePage } from './candidate/CandidateProfilePage';
import { CandidatesPage } from './candidate/CandidatesPage';
import { InboxPage } from './inbox/InboxPage';
import { AppLayout } from './shell/AppLayout';
import { NotFoundPage } from './shell/NotFoundPage';
import { ChatTemplateEditorPage } from './template/ChatTemplateEditorPage';
import { ChatTemplatesPage } from './template/ChatTemplatesPage';
import { WorkflowHistoryPage } from './workflow/history/WorkflowHistoryPage';
import { StepFormPage } from './workflow/StepFormPage';
import { WorkflowFormPage } from './workflow/WorkflowFormPage';
import { WorkflowPage } from './workflow/WorkflowPage';
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
        <Route path="workflows/new" element={<WorkflowFormPage />} />
        <Route path="workflows/:id" element={<WorkflowPage />} />
        <Route path="workflows/:id/edit" element={<WorkflowFormPage />} />
        <Route path="workflows/:id/steps/new" element={<StepFormPage />} />
        <Route path="workflows/:id/steps/:stepId" element={<StepFormPage />} />
        <Route path="workflows/:id/history" element={<WorkflowHistoryPage />} />
        <Route path="templates" element={<ChatTemplatesPage />} />
        <Route path="templates/new" element={<ChatTemplateEditorPage />} />
        <Route path="templates/:id" element={<ChatTemplateEditorPage />} />
        <Route path="inbox/:conversationId?" element={<InboxPage />} />
        <Route path="candidates" element={<CandidatesPage />} />
        <Route path="candidates/:id" element={<CandidateProfilePage />} />
        <Route path="settings" element={<Navigate to="/settings/numbers" replace />} />
        <Route path="settings/numbers" element={<SmsNumbersPage />} />
        <Route path="settings/api-keys" element={<ApiKeysPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
