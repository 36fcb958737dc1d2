import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { intercomPage } from '@/utils/helpdesks/intercom/page';

export default helpdeskContentScript(intercomPage);
