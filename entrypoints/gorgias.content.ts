import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { gorgiasPage } from '@/utils/helpdesks/gorgias/page';

export default helpdeskContentScript(gorgiasPage);
