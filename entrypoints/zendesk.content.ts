import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { zendeskPage } from '@/utils/helpdesks/zendesk/page';

export default helpdeskContentScript(zendeskPage);
