import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { jsmPage } from '@/utils/helpdesks/jsm/page';

export default helpdeskContentScript(jsmPage);
