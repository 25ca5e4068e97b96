import { createRoot } from 'react-dom/client';
import { startEarlyRead } from '@/components/report/early-read';
import { ReportApp } from '@/components/report/ReportApp';
import '@/components/shared/theme.css';
import '@/components/report/report.css';

startEarlyRead(window.location.search);
const root = document.getElementById('root');
if (root) createRoot(root).render(<ReportApp />);
