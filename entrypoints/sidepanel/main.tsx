import { createRoot } from 'react-dom/client';
import '@/components/kept.css';
import { SidePanel } from './SidePanel';

const root = document.getElementById('root');
if (root) createRoot(root).render(<SidePanel />);
