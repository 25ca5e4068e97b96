import { createRoot } from 'react-dom/client';
import { ReportApp } from '@/components/report/ReportApp';
import '@/components/shared/theme.css';
import '@/components/report/report.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<ReportApp />);
