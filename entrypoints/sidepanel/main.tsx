import { createRoot } from 'react-dom/client';
import { PanelApp } from '@/components/panel/PanelApp';
import { standInSessionStorage } from '@/lib/pages/test-session-stand-in';
import '@/components/shared/theme.css';

standInSessionStorage();
const root = document.getElementById('root');
if (root) createRoot(root).render(<PanelApp search={location.search} />);
