import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { freshdeskPage } from '@/utils/helpdesks/freshdesk/page';

export default helpdeskContentScript(freshdeskPage);
