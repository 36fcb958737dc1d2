import { helpdeskContentScript } from '@/utils/content-script/helpdesk-script';
import { helpscoutPage } from '@/utils/helpdesks/helpscout/page';

export default helpdeskContentScript(helpscoutPage);
