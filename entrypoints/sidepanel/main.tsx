import { createRoot } from 'react-dom/client';
import { PanelApp } from '@/components/panel/PanelApp';
import '@/components/shared/theme.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<PanelApp search={location.search} />);
